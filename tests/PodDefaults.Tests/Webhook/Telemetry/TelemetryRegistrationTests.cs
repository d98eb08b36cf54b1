using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Telemetry;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>Without an OTLP endpoint the host has no OpenTelemetry SDK at all: no listener, no exporter, nothing to pay.</summary>
public sealed class TelemetryRegistrationTests
{
    [Fact]
    public async Task Without_an_endpoint_nothing_is_registered()
    {
        await using var app = Build(endpointKey: null);
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        Assert.False(services.IsService(typeof(TracerProvider)));
        Assert.False(services.IsService(typeof(MeterProvider)));
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT")]
    public async Task Any_endpoint_turns_export_on(string endpointKey)
    {
        await using var app = Build(endpointKey);
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        Assert.True(services.IsService(typeof(TracerProvider)));
        Assert.True(services.IsService(typeof(MeterProvider)));
    }

    [Fact]
    public void A_blank_endpoint_is_no_endpoint()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = " " })
            .Build();
        Assert.False(OtlpEndpoints.AreConfigured(configuration));
    }

    [Fact]
    public async Task Request_lines_of_ASP_NET_Core_are_off_unless_configured()
    {
        const string hosting = LogLevelDefaults.RequestLinesCategory;
        await using (var quiet = Build(endpointKey: null))
        {
            // Off at every level: ASP.NET Core starts an Activity per request while the category is on at Critical.
            Assert.False(quiet.Services.GetRequiredService<ILoggerFactory>().CreateLogger(hosting).IsEnabled(LogLevel.Critical));
            Assert.True(quiet.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        }
        await using var chatty = Build(endpointKey: null, ($"Logging:LogLevel:{hosting}", "Information"));
        Assert.True(chatty.Services.GetRequiredService<ILoggerFactory>().CreateLogger(hosting).IsEnabled(LogLevel.Information));
    }

    /// <summary>The host as <c>serve</c> composes it, not started; the endpoint given as configuration, as the environment would.</summary>
    private static WebApplication Build(string? endpointKey, params (string Key, string Value)[] settings)
    {
        var defaults = Directory.CreateTempSubdirectory("poddefaults-registration-").FullName;
        var options = new ServeOptions { DefaultsPath = defaults, ListenAddress = IPAddress.Loopback, Port = 0, Tls = new TlsOptions() };
        try
        {
            return WebhookHost.Build(options, ServeCommand.SourceFactory(options), builder =>
            {
                foreach (var key in builder.Configuration.AsEnumerable().Select(pair => pair.Key).Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
                    builder.Configuration[key] = null;
                if (endpointKey is not null)
                    builder.Configuration[endpointKey] = "http://127.0.0.1:4318";
                foreach (var (key, value) in settings)
                    builder.Configuration[key] = value;
            });
        }
        finally
        {
            Directory.Delete(defaults);
        }
    }
}
