using PodDefaults.Core.Admission;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Telemetry;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Server;

/// <summary>Composes <c>poddefaults serve</c>: Kestrel over HTTPS, the engine, the PodDefault source, health.</summary>
public static class WebhookHost
{
    /// <param name="options">What the command line asked for.</param>
    /// <param name="createSource">The PodDefault source (files or cluster), made from the host's services.</param>
    /// <param name="configure">Lets tests and later concerns (telemetry) add to the builder.</param>
    public static WebApplication Build(ServeOptions options, Func<IServiceProvider, IPodDefaultSource> createSource, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddWebhookConsole(options.LogFormat ?? ConsoleLogging.DefaultFormat, options.LogLevel);
        builder.ListenHttps(options.Tls, options.ListenAddress, options.Port);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.MetricsPort is { } metricsPort)
                kestrel.Listen(options.ListenAddress, metricsPort); // plain HTTP: Prometheus scrapes without a certificate
            kestrel.AddServerHeader = false;
            // The handler enforces its own cap while reading, answering 413 with a reason.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SnapshotHolder>();
        builder.Services.AddSingleton<SourceStatus>();
        builder.Services.AddSingleton<AdmissionEngine>();
        builder.Services.AddSingleton(new RequestBodyBudget(options.BodyBufferBudget));
        builder.Services.AddSingleton<AdmissionHandler>();
        builder.Services.AddSingleton<HealthHandler>();
        builder.Services.AddSingleton(createSource);
        builder.Services.AddHostedService<SourceRunner>();
        configure?.Invoke(builder);
        // After configure: whether to export depends on the configuration, which the callback may add to.
        builder.AddWebhookTelemetry(options.MetricsPort);

        var app = builder.Build();
        if (options.ShutdownDelay > TimeSpan.Zero)
        {
            // Stopping callbacks run before the server stops, so it keeps serving while this one waits.
            app.Lifetime.ApplicationStopping.Register(() => Thread.Sleep(options.ShutdownDelay));
        }
        var admission = app.Services.GetRequiredService<AdmissionHandler>();
        var health = app.Services.GetRequiredService<HealthHandler>();
        app.MapPrometheusMetrics(options.MetricsPort);
        app.Run(context => context.Connection.LocalPort == options.MetricsPort
            ? PlainTextResponse.WriteAsync(context, StatusCodes.Status404NotFound, $"no such path: this port serves GET {TelemetryRegistration.PrometheusPath}")
            : context.Request.Path.Value switch
        {
            WebhookPaths.ApplyPodDefault or WebhookPaths.Mutate => admission.HandleAsync(context),
            WebhookPaths.Healthz => health.HealthzAsync(context),
            WebhookPaths.Readyz => health.ReadyzAsync(context),
            _ => PlainTextResponse.WriteAsync(context, StatusCodes.Status404NotFound,
                $"no such path: POST AdmissionReviews to {WebhookPaths.ApplyPodDefault} or {WebhookPaths.Mutate}"),
        });
        return app;
    }
}
