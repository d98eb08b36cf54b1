using System.CommandLine;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources;
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
        CheckAcrossFlags(options);
        return options;
    }

    /// <summary>What no single flag can check: the ones that go together, and limits set against each other.</summary>
    private static void CheckAcrossFlags(ServeOptions options)
    {
        if (options.Tls.Provisioning is { } provisioning && (provisioning.SecretName.Length == 0 || provisioning.WebhookConfigurationName.Length == 0))
            throw new CliException("--certificate-secret and --webhook-configuration must be given together");
        // A body's buffer doubles as it grows: one body at the cap needs up to twice the cap at once.
        if (options.BodyBufferBudget < 2L * options.MaxRequestBytes)
            throw new CliException($"--max-body-buffer-bytes {options.BodyBufferBudget} is less than twice --max-request-bytes ({options.MaxRequestBytes}): a body at the cap could never be read");
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
        // The self-provisioned mode reads and writes its Secret and webhook configuration in the cluster, even
        // when PodDefaults come from files.
        Action<WebApplicationBuilder>? provisioning = options.Tls.Provisioning is null
            ? null
            : builder => builder.Services.AddSingleton(ClusterReads.Connect(options.Kubeconfig, "no cluster to provision the certificate in", ""));
        try
        {
            WebhookHost.Build(options, source, provisioning).Run();
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

    /// <summary>The source the options ask for (<see cref="PodDefaultSources"/>), its settings checked now.</summary>
    /// <exception cref="CliException">The source cannot start: a wrong <c>--defaults</c> path, no cluster.</exception>
    public static Func<IServiceProvider, IPodDefaultSource> SourceFactory(ServeOptions options)
    {
        try
        {
            return PodDefaultSources.For(options);
        }
        catch (SourceStartException error)
        {
            throw new CliException(error.Message);
        }
    }
}
