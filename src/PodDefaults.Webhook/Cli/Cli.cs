namespace PodDefaults.Webhook.Cli;

/// <summary>The <c>poddefaults</c> command line: <c>serve</c>, <c>apply</c>, <c>explain</c>.</summary>
public static class Cli
{
    /// <summary>Exit status for wrong arguments or unusable input.</summary>
    public const int UsageError = 2;

    public static int Run(string[] args) => Run(args, Console.In, Console.Out, Console.Error);

    /// <summary>Runs one command with the given streams, so that tests can run commands in process.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args switch
            {
                ["serve", .. var rest] => ServeCommand.Run(rest),
                ["apply", .. var rest] => ApplyCommand.Run(rest, stdin, stdout, stderr),
                ["explain", .. var rest] => ExplainCommand.Run(rest, stdin, stdout, stderr),
                ["--help" or "-h" or "help"] => PrintUsage(stdout, 0),
                _ => PrintUsage(stderr, UsageError),
            };
        }
        catch (CliException error)
        {
            stderr.WriteLine($"poddefaults: {error.Message}");
            return UsageError;
        }
    }

    private static int PrintUsage(TextWriter output, int exitCode)
    {
        output.WriteLine("poddefaults: a mutating admission webhook that applies PodDefaults (kubeflow.org/v1alpha1) to pods.");
        output.WriteLine();
        output.WriteLine(ServeCommand.Usage);
        output.WriteLine();
        output.WriteLine(ApplyCommand.Usage);
        output.WriteLine();
        output.WriteLine(ExplainCommand.Usage);
        return exitCode;
    }
}
