using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;

namespace PodDefaults.Webhook.Cli;

/// <summary>The <c>poddefaults</c> command line: <c>serve</c>, <c>apply</c>, <c>explain</c>.</summary>
public static class Cli
{
    /// <summary>Exit status for wrong arguments or unusable input.</summary>
    public const int UsageError = 2;

    public const string Name = "poddefaults";

    /// <summary>The same binary installed for kubectl (<c>kubectl poddefaults ...</c> runs it).</summary>
    public const string PluginName = "kubectl-poddefaults";

    private static readonly string Description = $"""
        {Name}: a mutating admission webhook that applies PodDefaults (kubeflow.org/v1alpha1) to pods.

          {ServeCommand.Synopsis}
          {ApplyCommand.Synopsis}
          {ExplainCommand.Synopsis}
          {ExplainCommand.ClusterSynopsis}

        Without --defaults, apply and explain read the cluster's PodDefaults. As a kubectl plugin, install the binary
        as kubectl-poddefaults on PATH: kubectl poddefaults explain ...

        Run '{Name} COMMAND --help' for a command's flags.
        """;

    /// <summary>The version and the commit it was built from: <c>0.1.0+1a2b3c4...</c>.</summary>
    public static string Version { get; } =
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static int Run(string[] args) => Run(args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable, InvokedAs());

    /// <summary>Runs one command with the given streams, so that tests can run commands in process.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, _ => null);

    /// <param name="environment">Reads an environment variable (the serve flags' <c>PODDEFAULTS_...</c>).</param>
    /// <param name="name">The program's name in help and messages: <see cref="PluginName"/> when run as the kubectl plugin.</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, string name = Name)
    {
        var root = Create(name, stdin, stdout, stderr, environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var message in ParseErrors.Describe(parsed))
                stderr.WriteLine($"{name}: {message}");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException error)
        {
            stderr.WriteLine($"{name}: {error.Message}");
            return UsageError;
        }
    }

    /// <summary>argv[0]: a symlink or copy named kubectl-poddefaults is the plugin (the process path would name the target).</summary>
    private static string InvokedAs() =>
        Path.GetFileName(Environment.GetCommandLineArgs().FirstOrDefault()) == PluginName ? PluginName : Name;

    private static Command Create(string name, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var version = new Option<bool>("--version") { Description = "Prints the version and the commit it was built from." };
        var root = new Command(name, Description)
        {
            ServeCommand.Create(environment),
            ApplyCommand.Create(stdin, stdout, stderr),
            ExplainCommand.Create(stdin, stdout, stderr),
        };
        root.Options.Add(new HelpOption { Recursive = true });
        root.Options.Add(version);
        root.SetAction(parsed =>
        {
            if (parsed.GetValue(version))
            {
                stdout.WriteLine(Version);
                return 0;
            }
            // No command: the usage, where the mistake is reported.
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stderr });
            return UsageError;
        });
        return root;
    }
}
