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

    private static readonly string Description = $"""
        {Name}: a mutating admission webhook that applies PodDefaults (kubeflow.org/v1alpha1) to pods.

          {ServeCommand.Synopsis}
          {ApplyCommand.Synopsis}
          {ExplainCommand.Synopsis}

        Run '{Name} COMMAND --help' for a command's flags.
        """;

    /// <summary>The version and the commit it was built from: <c>0.1.0+1a2b3c4...</c>.</summary>
    public static string Version { get; } =
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static int Run(string[] args) => Run(args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable);

    /// <summary>Runs one command with the given streams, so that tests can run commands in process.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, _ => null);

    /// <param name="environment">Reads an environment variable (the serve flags' <c>PODDEFAULTS_...</c>).</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var root = Create(stdin, stdout, stderr, environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var message in ParseErrors.Describe(parsed))
                stderr.WriteLine($"{Name}: {message}");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException error)
        {
            stderr.WriteLine($"{Name}: {error.Message}");
            return UsageError;
        }
    }

    private static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var version = new Option<bool>("--version") { Description = "Prints the version and the commit it was built from." };
        var root = new Command(Name, Description)
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
