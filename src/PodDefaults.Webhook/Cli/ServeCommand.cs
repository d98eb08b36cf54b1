using System.CommandLine;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Sources.Files;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Cli;

/// <summary><c>poddefaults serve</c>: the webhook.</summary>
public static class ServeCommand
{
    public const string Synopsis = "poddefaults serve [--defaults PATH | --kubeconfig FILE] [--tls-cert FILE --tls-key FILE] [options]";

    /// <summary>The <c>serve</c> command: its flags come from <see cref="ServeFlags"/>.</summary>
    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("serve", "Runs the webhook: HTTPS on --port, PodDefaults from --defaults files or from the cluster. "
            + $"Every flag can also be set by the environment variable shown ({ServeFlag.EnvironmentPrefix}...); the flag wins.");
        foreach (var flag in ServeFlags.All)
            command.Options.Add(flag.Option);
        command.SetAction(parsed => Run(Options(parsed, environment)));
        return command;
    }

    /// <summary>The options of a parsed <c>serve</c> command line, with the environment's variables for the flags it does not give.</summary>
    public static ServeOptions Options(ParseResult parsed, Func<string, string?> environment)
    {
        var options = new ServeOptions();
        foreach (var flag in ServeFlags.All)
            options = flag.Apply(options, parsed, environment);
        return options;
    }

    /// <summary>Parses <c>serve</c>'s arguments alone (tests), without the environment.</summary>
    /// <exception cref="CliException">The arguments are wrong; the message is the first error.</exception>
    public static ServeOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        var command = Create(environment ?? (_ => null));
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new CliException(parsed.Errors[0].Message);
        return Options(parsed, environment ?? (_ => null));
    }

    private static int Run(ServeOptions options)
    {
        if (options.MetricsPort == options.Port)
            throw new CliException($"--metrics-port {options.MetricsPort} is also the HTTPS port (--port): give the metrics a port of their own");
        try
        {
            options.Tls.Validate();
        }
        catch (TlsConfigurationException error)
        {
            throw new CliException(error.Message);
        }
        var source = SourceFactory(options);
        try
        {
            WebhookHost.Build(options, source).Run();
        }
        catch (IOException error) when (error.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new CliException($"cannot listen on {options.ListenAddress}:{options.Port}: the address is in use");
        }
        catch (TlsConfigurationException error)
        {
            throw new CliException(error.Message);
        }
        return Environment.ExitCode;
    }

    /// <summary>Files when <c>--defaults</c> is given (checked now: a wrong path fails the start), else the cluster.</summary>
    public static Func<IServiceProvider, IPodDefaultSource> SourceFactory(ServeOptions options)
    {
        if (options.DefaultsPath is { } defaults)
        {
            DefaultsPath path;
            try
            {
                path = new DefaultsPath(defaults);
            }
            catch (FileNotFoundException error)
            {
                throw new CliException(error.Message);
            }
            return services => new FilePodDefaultSource(path, services.GetRequiredService<SnapshotHolder>(),
                services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<FilePodDefaultSource>>(),
                FilePodDefaultSource.DefaultPollInterval);
        }
        var connection = ClusterReads.Connect(options.Kubeconfig);
        return services => new ClusterPodDefaultSource(connection, services.GetRequiredService<SnapshotHolder>(),
            services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<ClusterPodDefaultSource>>(),
            services.GetRequiredService<TimeProvider>());
    }
}
