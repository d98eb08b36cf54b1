using System.Buffers;
using System.CommandLine;
using System.Text.Json.Nodes;
using PodDefaults.Core.Admission;
using PodDefaults.Webhook.Json;
using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// <c>poddefaults apply</c>: the pod as the webhook would admit it, without a cluster. The pod and the PodDefault
/// files go through the same reader and engine as <c>serve --defaults</c>, so what this prints is what the
/// server would do.
/// </summary>
public static class ApplyCommand
{
    public const int Rejected = 1;

    public const string Synopsis = "poddefaults apply -f POD --defaults PATH [-n NAMESPACE] [-o yaml|json|patch]";

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var flags = new OfflineFlags();
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "FORMAT",
            Description = "yaml (default), json, or patch: the JSON Patch the webhook would answer with.",
        };
        var command = new Command("apply", "Prints POD as the webhook would admit it, with the PodDefaults of PATH applied. "
            + "Admission warnings and problems in the files go to stderr. Exit status: 0 admitted; 1 rejected for a conflict "
            + "(the webhook's message on stderr); 2 wrong arguments or unusable input.");
        flags.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parsed => Run(Format(parsed.GetValue(output)), OfflineAdmission.Prepare(flags, parsed, stdin, stderr), stdout, stderr));
        return command;
    }

    private enum OutputFormat
    {
        Yaml,
        Json,
        Patch,
    }

    private static int Run(OutputFormat format, OfflineAdmission offline, TextWriter stdout, TextWriter stderr)
    {
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
