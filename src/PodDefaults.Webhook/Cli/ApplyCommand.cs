using System.Buffers;
using System.Text.Json.Nodes;
using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// <c>poddefaults apply</c>: the pod as the webhook would admit it, without a cluster. The pod and the PodDefault
/// files go through the same reader and engine as <c>serve --defaults</c>, so what this prints is what the
/// server would do.
/// </summary>
public static class ApplyCommand
{
    public const int Rejected = 1;

    public const string Usage = """
        poddefaults apply -f POD --defaults PATH [-n NAMESPACE] [-o yaml|json|patch]

          Prints POD as the webhook would admit it, with the PodDefaults of PATH applied.
          -f, --filename POD       A Pod, YAML or JSON (one document); - reads stdin.
          --defaults PATH          PodDefault files, read as serve --defaults reads them.
          -n, --namespace NAME     Namespace of a pod that names none (default: default), and of the PodDefaults
                                   that name none. A pod in another namespace is an error, as in kubectl.
          -o, --output FORMAT      yaml (default), json, or patch: the JSON Patch the webhook would answer with.
          Admission warnings and problems in the files go to stderr. Exit status: 0 admitted; 1 rejected for a
          conflict (the webhook's message on stderr); 2 wrong arguments or unusable input.
        """;

    private static readonly Dictionary<string, string> Flags = new(OfflineAdmission.Flags, StringComparer.Ordinal)
    {
        ["-o"] = "output",
        ["--output"] = "output",
    };

    private enum OutputFormat
    {
        Yaml,
        Json,
        Patch,
    }

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var cli = CliArguments.Parse(args, Flags);
        var format = Format(cli.Get("output"));
        var offline = OfflineAdmission.Prepare(cli, stdin, stderr);
        var response = new ArrayBufferWriter<byte>();
        using var admission = offline.Decide(response);
        foreach (var warning in admission.Warnings)
            stderr.WriteLine($"Warning: {warning}");
        if (admission.Outcome == AdmissionOutcome.Conflict)
        {
            stderr.WriteLine(admission.DenialMessage);
            return Rejected;
        }

        var patch = ResponsePatch.Read(response.WrittenSpan);
        switch (format)
        {
            case OutputFormat.Patch:
                JsonOutput.Write(patch, stdout);
                break;
            case OutputFormat.Json:
                JsonOutput.Write(Admitted(offline, patch), stdout);
                break;
            default:
                JsonToYaml.Write(Admitted(offline, patch), stdout);
                break;
        }
        return 0;
    }

    private static JsonNode? Admitted(OfflineAdmission offline, JsonArray patch)
    {
        try
        {
            return JsonPatch.Apply(offline.PodFile.Pod, patch);
        }
        catch (JsonPatchException error)
        {
            // The server would send this patch too: the API server would refuse the pod. A bug to report.
            throw new CliException($"the webhook's patch does not apply to the pod (please report this bug): {error.Message}");
        }
    }

    private static OutputFormat Format(string? text) => text switch
    {
        null or "yaml" => OutputFormat.Yaml,
        "json" => OutputFormat.Json,
        "patch" => OutputFormat.Patch,
        _ => throw new CliException($"-o \"{text}\" is not one of yaml, json, patch"),
    };
}
