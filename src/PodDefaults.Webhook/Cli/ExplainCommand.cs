using System.Buffers;
using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// <c>poddefaults explain</c>: every PodDefault of the pod's namespace, in apply order, and why it does or does
/// not apply; then what the webhook would do. Informational: it exits 0 even when the pod would be rejected.
/// </summary>
public static class ExplainCommand
{
    public const string Usage = """
        poddefaults explain -f POD --defaults PATH [-n NAMESPACE]

          Lists every PodDefault of the pod's namespace, in apply order, and why it does or does not apply (the
          selector term that fails, the conflicts it would raise); then whether the webhook would patch the pod,
          reject it or leave it alone. Flags as for apply.
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var cli = CliArguments.Parse(args, OfflineAdmission.Flags);
        var offline = OfflineAdmission.Prepare(cli, stdin, stderr);
        using var admission = offline.Decide(new ArrayBufferWriter<byte>());
        ExplanationText.Write(Explanation.Of(offline.Review, admission, offline.Snapshot), stdout);
        return 0;
    }
}
