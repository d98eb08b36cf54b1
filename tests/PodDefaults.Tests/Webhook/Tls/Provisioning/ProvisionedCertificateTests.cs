using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Deploy;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary>
/// The bare install's certificate, end to end against the stand-in API server seeded with the Secret and the
/// MutatingWebhookConfiguration exactly as <c>deploy/manifests</c> renders them (no data, no caBundle): replicas
/// racing to fill the Secret, readiness, a re-apply that drops the caBundle, and rotations under load.
/// </summary>
public sealed class ProvisionedCertificateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string SecretPath = ClusterObjectPaths.Secret("poddefaults-system", "poddefaults-webhook-certificate");
    private static readonly string ConfigurationPath = ClusterObjectPaths.MutatingWebhookConfiguration("poddefaults-webhook");

    private static readonly CertificateProvisioningOptions Options = new()
    {
        SecretNamespace = "poddefaults-system",
        SecretName = "poddefaults-webhook-certificate",
        WebhookConfigurationName = "poddefaults-webhook",
        PollInterval = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(5),
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Two_replicas_racing_fill_the_Secret_once_and_serve_the_same_pair_the_bundle_trusts()
    {
        await using var api = await SeededApiServerAsync();
        var rendezvous = new SecretWriteRendezvous(replicas: 2);

        var starting = new[] { ProvisionedReplica.StartAsync(api, Options, rendezvous.Handler()), ProvisionedReplica.StartAsync(api, Options, rendezvous.Handler()) };
        await using var first = await starting[0];
        await using var second = await starting[1];
        await WaitReadyAsync(first);
        await WaitReadyAsync(second);

        // Both wrote with the resourceVersion of the empty Secret: one landed, the other got 409 and took the winner's.
        Assert.Single(api.Objects.Writes(SecretPath));
        Assert.Equal(1, api.Objects.Conflicts(SecretPath));
        Assert.Equal(1, first.Certificates.SecretWrites + second.Certificates.SecretWrites);
        using var servedByFirst = await first.ServedCertificateAsync();
        using var servedBySecond = await second.ServedCertificateAsync();
        Assert.Equal(servedByFirst.Thumbprint, servedBySecond.Thumbprint);
        var secret = CertificateSecretData.Read(api.Objects.Get(SecretPath)!);
        Assert.Equal(servedByFirst.ExportCertificatePem().Trim(), secret.Certificate!.Trim());

        using var client = new ApiServerLikeClient(api, ConfigurationPath);
        await client.AdmitAsync(first.Address);
        await client.AdmitAsync(second.Address);
        Assert.Single(client.Served);
    }

    [Fact]
    public async Task Readyz_stays_503_until_the_webhook_configuration_trusts_the_served_certificate()
    {
        await using var api = await StandInApiServer.StartAsync();
        api.Objects.Seed(Shipped("Secret", "poddefaults-webhook-certificate"));
        await using var replica = await ProvisionedReplica.StartAsync(api, Options);

        // Without the webhook configuration there is no name to certify and no bundle: several polls, still 503.
        await Task.Delay(Options.PollInterval * 5);
        var (status, body) = await replica.ReadyzAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("caBundle", body);

        api.Objects.Seed(Shipped("MutatingWebhookConfiguration", "poddefaults-webhook"));
        await WaitReadyAsync(replica);
        using var client = new ApiServerLikeClient(api, ConfigurationPath);
        await client.AdmitAsync(replica.Address);
    }

    [Fact]
    public async Task A_re_apply_that_drops_the_caBundle_is_repaired_with_the_same_CA()
    {
        await using var api = await SeededApiServerAsync();
        await using var replica = await ProvisionedReplica.StartAsync(api, Options);
        await WaitReadyAsync(replica);
        var bundle = WebhookConfiguration.CaBundles(api.Objects.Get(ConfigurationPath)!).Single();

        // What a client-side apply of a manifest with `caBundle: ""` does, or a GitOps sync that owns the field.
        var blanked = api.Objects.Get(ConfigurationPath)!;
        blanked["webhooks"]![0]!["clientConfig"]!["caBundle"] = "";
        Assert.Equal(200, api.Objects.Update(ConfigurationPath, blanked).Code);

        await Eventually.TrueAsync(() => WebhookConfiguration.CaBundles(api.Objects.Get(ConfigurationPath)!).Single() == bundle, "the caBundle is written again");
        Assert.Single(api.Objects.Writes(SecretPath));
    }

    [Fact]
    public async Task Rotations_under_load_fail_no_request()
    {
        // Certificates valid 16 s, renewed with 11 s left: a rotation starts about every 5 s, each step 1.5 s apart.
        var options = Options with { Validity = TimeSpan.FromSeconds(16), RenewBefore = TimeSpan.FromSeconds(11), PropagationDelay = TimeSpan.FromSeconds(1.5) };
        await using var api = await SeededApiServerAsync();
        await using var first = await ProvisionedReplica.StartAsync(api, options);
        await using var second = await ProvisionedReplica.StartAsync(api, options);
        await WaitReadyAsync(first);
        await WaitReadyAsync(second);
        var initialBundle = CertificateSecretData.Read(api.Objects.Get(SecretPath)!).CaBundle!;

        using var client = new ApiServerLikeClient(api, ConfigurationPath);
        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var requests = 0;
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await client.AdmitAsync((i + worker) % 2 == 0 ? first.Address : second.Address);
                    Interlocked.Increment(ref requests);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.GetBaseException().Message);
                }
            }
        })).ToArray();

        // Until two rotations have completed: the first CA and the one after it have both left the bundle.
        await Eventually.TrueAsync(
            () => PrunedBundles(api).Count(b => !b.Contains(FirstCa(initialBundle))) >= 2,
            "two rotations complete", TimeSpan.FromSeconds(40));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var sizes = api.Objects.Writes(ConfigurationPath).Select(c => CaBundle.Read(WebhookConfiguration.CaBundles(c)[0]).Count).ToList();
        output.WriteLine($"{requests} admissions on new connections, {failures.Count} failed; {client.Served.Count} certificates served; " +
            $"{api.Objects.Writes(SecretPath).Count} Secret writes, caBundle sizes written: {string.Join(' ', sizes)}");
        Assert.Empty(failures);
        Assert.True(requests > 100, $"only {requests} requests were made");
        Assert.True(client.Served.Count >= 3, $"the clients saw {client.Served.Count} certificates, not one per rotation");
        // Each rotation added its CA before the switch and removed the old one after: bundles of 1, 2, 1, 2, 1...
        Assert.Equal(1, sizes[0]);
        Assert.Contains(2, sizes);
        Assert.All(sizes, size => Assert.InRange(size, 1, 2));
    }

    private static IEnumerable<string> PrunedBundles(StandInApiServer api) =>
        api.Objects.Writes(SecretPath).Select(CertificateSecretData.Read).Where(d => CaBundle.Read(d.CaBundle).Count == 1 && d.NextCertificate is null).Skip(1).Select(d => d.CaBundle!);

    private static string FirstCa(string bundle) => CaBundle.Read(bundle)[0].ExportCertificatePem();

    private static async Task<StandInApiServer> SeededApiServerAsync()
    {
        var api = await StandInApiServer.StartAsync();
        api.Objects.Seed(Shipped("Secret", "poddefaults-webhook-certificate"));
        api.Objects.Seed(Shipped("MutatingWebhookConfiguration", "poddefaults-webhook"));
        return api;
    }

    /// <summary>An object as <c>kubectl apply -k deploy/manifests</c> creates it.</summary>
    private static JsonObject Shipped(string kind, string name) => (JsonObject)RenderedManifests.Base.Single(kind, name).DeepClone();

    private static Task WaitReadyAsync(ProvisionedReplica replica) =>
        Eventually.TrueAsync(async () => (await replica.ReadyzAsync()).Status == HttpStatusCode.OK, "the replica is ready");
}
