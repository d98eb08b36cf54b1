using System.CommandLine;

namespace PodDefaults.Webhook.Cli;

/// <summary>The flags <c>apply</c> and <c>explain</c> share, with kubectl's spellings.</summary>
internal sealed class OfflineFlags
{
    public Option<string> Filename { get; } = new("--filename", "-f")
    {
        HelpName = "POD",
        Description = "A Pod, YAML or JSON (one document); - reads stdin. Or --pod.",
    };

    public Option<string> Defaults { get; } = new("--defaults")
    {
        HelpName = "PATH",
        Description = "PodDefault files, read as serve --defaults reads them. Without it: the PodDefaults the cluster holds, by the LIST the server makes.",
    };

    public Option<string> Kubeconfig { get; } = new("--kubeconfig")
    {
        HelpName = "FILE",
        Description = "The cluster to read PodDefaults (and --pod) from without --defaults (default: in-cluster, else KUBECONFIG, else ~/.kube/config).",
    };

    public Option<string> Pod { get; } = new("--pod")
    {
        HelpName = "NAME",
        Description = "An existing pod of namespace -n, read from the cluster, instead of -f.",
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
        command.Options.Add(Kubeconfig);
        command.Options.Add(Pod);
        // Checked here rather than with Required: the message names the short spelling people type.
        command.Validators.Add(result =>
        {
            var (file, pod) = (result.GetResult(Filename) is not null, result.GetResult(Pod) is not null);
            if (file == pod)
                result.AddError(file ? "-f and --pod name two pods: give one" : "-f is required (or --pod NAME for a pod in the cluster)");
            if (result.GetResult(Defaults) is not null && result.GetResult(Kubeconfig) is not null && !pod)
                result.AddError("--defaults and --kubeconfig name two sources of PodDefaults: give one");
        });
    }
}
