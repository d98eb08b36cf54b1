using System.Globalization;
using System.Runtime.InteropServices;
using PodDefaults.ApiServerStandIn;

// Runs the stand-in as its own process, e.g. for a load test of the webhook's cluster source.
// Flags: see README.md beside this file.
var flags = Flags.Parse(args);
if (flags is null)
{
    Console.Error.WriteLine(Flags.Usage);
    return 2;
}

var certificate = flags.Https ? SelfSignedCertificate.ForLoopback() : null;
if (certificate is not null && flags.CertOut is { } certOut)
    await File.WriteAllTextAsync(certOut, certificate.ExportCertificatePem());

await using var server = await StandInApiServer.StartAsync(new StandInOptions
{
    Port = flags.Port,
    Certificate = certificate,
    AcceptToken = flags.Token is { } token ? presented => presented == token : null,
    ClientCertificateThumbprint = flags.ClientCertificateSha256,
});
if (flags.Verbose)
{
    server.RequestCompleted += seen => Console.WriteLine(
        $"{seen.Status} {seen.PathAndQuery} auth={seen.Authorization?.Split(' ')[0] ?? "-"} client-cert={seen.ClientCertificateThumbprint ?? "-"}");
}

Churn.Seed(server.Store, flags.Namespaces, flags.Objects);
if (flags.Seed is { } seed)
{
    // A Secret or MutatingWebhookConfiguration, or a List of them (e.g. `kubectl kustomize` output as JSON).
    var document = WireJson.Parse(await File.ReadAllTextAsync(seed));
    var items = (string?)document["kind"] == "List" ? document["items"]!.AsArray().Select(i => i!.AsObject()) : [document];
    foreach (var item in items.Where(i => ClusterObjectPaths.Of(i) is not null))
        Console.WriteLine($"Seeded {server.Objects.Seed(item)}");
}
Console.WriteLine($"Serving {flags.Objects} PodDefaults in {flags.Namespaces} namespaces at {server.BaseUri} ({flags.Churn} events/s)");

using var stop = new CancellationTokenSource();
// The web host inside already claims SIGINT and SIGTERM (and would wait for us forever): take them first.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var churn = new Churn(server.Store, flags.Namespaces, flags.Objects, flags.Churn).RunAsync(stop.Token);
var bookmarks = Task.Run(async () =>
{
    using var tick = new PeriodicTimer(TimeSpan.FromSeconds(flags.BookmarkSeconds));
    while (await tick.WaitForNextTickAsync(stop.Token))
        server.Store.Bookmark();
});
try
{
    await Task.WhenAll(churn, bookmarks);
}
catch (OperationCanceledException)
{
}

return 0;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

internal sealed record Flags(
    int Port, bool Https, string? CertOut, int Objects, int Namespaces, double Churn, double BookmarkSeconds, string? Token,
    string? ClientCertificateSha256 = null, bool Verbose = false, string? Seed = null)
{
    public const string Usage =
        "usage: PodDefaults.ApiServerStandIn [--port N] [--https [--cert-out FILE]] [--objects N] [--namespaces N] "
        + "[--churn EVENTS_PER_SECOND] [--bookmark-interval SECONDS] [--token TOKEN] [--client-cert-sha256 THUMBPRINT] [--verbose] [--seed FILE.json]";

    public static Flags? Parse(string[] args)
    {
        var flags = new Flags(8001, false, null, 100, 10, 0, 60, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                flags = args[i] switch
                {
                    "--port" => flags with { Port = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--https" => flags with { Https = true },
                    "--cert-out" => flags with { CertOut = Value() },
                    "--objects" => flags with { Objects = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--namespaces" => flags with { Namespaces = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                    "--churn" => flags with { Churn = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--bookmark-interval" => flags with { BookmarkSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--token" => flags with { Token = Value() },
                    "--client-cert-sha256" => flags with { ClientCertificateSha256 = Value() },
                    "--verbose" => flags with { Verbose = true },
                    "--seed" => flags with { Seed = Value() },
                    _ => throw new FormatException($"unknown flag {args[i]}"),
                };
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return null;
            }
        }

        return flags;
    }
}
