namespace PodDefaults.Webhook.Cli;

/// <summary>The <c>poddefaults</c> command line: <c>serve</c>, <c>apply</c>, <c>explain</c>.</summary>
public static class Cli
{
    public static int Run(string[] args)
    {
        try
        {
            return args switch
            {
                ["serve", .. var rest] => ServeCommand.Run(rest),
                ["--help" or "-h" or "help"] => PrintUsage(Console.Out, 0),
                _ => PrintUsage(Console.Error, 2),
            };
        }
        catch (CliException error)
        {
            Console.Error.WriteLine($"poddefaults: {error.Message}");
            return 2;
        }
    }

    private static int PrintUsage(TextWriter output, int exitCode)
    {
        output.WriteLine("poddefaults: a mutating admission webhook that applies PodDefaults (kubeflow.org/v1alpha1) to pods.");
        output.WriteLine();
        output.WriteLine(ServeCommand.Usage);
        return exitCode;
    }
}
