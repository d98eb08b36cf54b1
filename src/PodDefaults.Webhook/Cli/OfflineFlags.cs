using System.CommandLine;

namespace PodDefaults.Webhook.Cli;

/// <summary>The flags <c>apply</c> and <c>explain</c> share, with kubectl's spellings.</summary>
internal sealed class OfflineFlags
{
    public Option<string> Filename { get; } = new("--filename", "-f")
    {
        HelpName = "POD",
        Description = "A Pod, YAML or JSON (one document); - reads stdin. Required.",
    };

    public Option<string> Defaults { get; } = new("--defaults")
    {
        HelpName = "PATH",
        Description = "PodDefault files, read as serve --defaults reads them. Required.",
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        HelpName = "NAMESPACE",
        Description = "Namespace of a pod that names none (default: default), and of the PodDefaults that name none. A pod in another namespace is an error, as in kubectl.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Filename);
        command.Options.Add(Defaults);
        command.Options.Add(Namespace);
        // Checked here rather than with Required: the message names the short spelling people type.
        command.Validators.Add(result =>
        {
            if (result.GetResult(Filename) is null)
                result.AddError("-f is required");
            if (result.GetResult(Defaults) is null)
                result.AddError("--defaults is required");
        });
    }
}
