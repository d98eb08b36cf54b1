using System.Buffers;
using System.CommandLine;
using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// <c>poddefaults explain</c>: every PodDefault of the pod's namespace, in apply order, and why it does or does
/// not apply; then what the webhook would do. Informational: it exits 0 even when the pod would be rejected.
/// </summary>
public static class ExplainCommand
{
    public const string Synopsis = "poddefaults explain -f POD --defaults PATH [-n NAMESPACE]";

    /// <summary>Against the cluster: its PodDefaults, for a pod file or an existing pod.</summary>
    public const string ClusterSynopsis = "poddefaults explain (-f POD | -n NAMESPACE --pod NAME) [--kubeconfig FILE]";

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var flags = new OfflineFlags();
        var command = new Command("explain", "Lists every PodDefault of the pod's namespace, in apply order, and why it does or does not "
            + "apply (the selector term that fails, the conflicts it would raise); then whether the webhook would patch the pod, "
            + "reject it or leave it alone.");
        flags.AddTo(command);
        command.SetAction(parsed => Run(OfflineAdmission.Prepare(flags, parsed, stdin, stderr), stdout));
        return command;
    }

    private static int Run(OfflineAdmission offline, TextWriter stdout)
    {
        using var admission = offline.Decide(new ArrayBufferWriter<byte>());
        ExplanationText.Write(Explanation.Of(offline.Review, admission, offline.Snapshot), stdout);
        if (offline.NamespaceGuessed)
            stdout.WriteLine($"Hint: the pod names no namespace, so it was explained in \"{PodNamespace.Default}\"; pass -n NAMESPACE for another.");
        return 0;
    }
}
