using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>Each kubeconfig credential kind, through KubernetesClient's configuration, to the stand-in over TLS.</summary>
public sealed class KubeconfigAuthTests : IAsyncLifetime
{
    private readonly X509Certificate2 serverCertificate = SelfSignedCertificate.ForLoopback();
    private readonly TestKubeconfig kubeconfig = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        kubeconfig.Dispose();
        serverCertificate.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Bearer_token_with_inline_CA()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t == "s3cret" });
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), "token: s3cret");

        await AssertListsAsync(server, path);
        Assert.Equal("Bearer s3cret", server.Lists[0].Authorization);
    }

    [Fact]
    public async Task CA_file_relative_to_the_kubeconfig()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t == "s3cret" });
        kubeconfig.File("ca.crt", serverCertificate.ExportCertificatePem());
        var path = kubeconfig.Write(server.BaseUri, "certificate-authority: ca.crt", "token: s3cret");

        await AssertListsAsync(server, path);
    }

    [Fact]
    public async Task Token_file_is_read_for_a_user_with_only_a_tokenFile()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t == "from-file" });
        kubeconfig.File("token", "from-file\n");
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), "tokenFile: token");

        await AssertListsAsync(server, path);
        Assert.Equal("Bearer from-file", server.Lists[0].Authorization);
    }

    [Fact]
    public async Task Server_not_signed_by_the_CA_is_refused()
    {
        await using var server = await StartAsync(new StandInOptions());
        using var otherCa = SelfSignedCertificate.ForLoopback();
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(otherCa), "token: s3cret");
        using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.FromKubeconfigFile(path));

        await Assert.ThrowsAsync<HttpRequestException>(() => Lister(connection).ListAsync(CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    public static TheoryData<string> KeyKinds() => new("RSA PKCS#1", "RSA PKCS#8", "EC");

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task Client_certificate_with_inline_data(string keyKind)
    {
        var (certificatePem, keyPem, thumbprint) = ClientCertificate(keyKind);
        await using var server = await StartAsync(new StandInOptions { ClientCertificateThumbprint = thumbprint });
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), $"""
            client-certificate-data: {TestKubeconfig.Base64(certificatePem)}
            client-key-data: {TestKubeconfig.Base64(keyPem)}
            """);

        await AssertListsAsync(server, path);
        Assert.Equal(thumbprint, server.Lists[0].ClientCertificateThumbprint);
    }

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task Client_certificate_from_files(string keyKind)
    {
        var (certificatePem, keyPem, thumbprint) = ClientCertificate(keyKind);
        await using var server = await StartAsync(new StandInOptions { ClientCertificateThumbprint = thumbprint });
        kubeconfig.File("client.crt", certificatePem);
        kubeconfig.File("client.key", keyPem);
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), "client-certificate: client.crt\nclient-key: client.key");

        await AssertListsAsync(server, path);
    }

    [Fact]
    public async Task Exec_plugin_token_is_fetched_again_when_it_expires()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t.StartsWith("exec-", StringComparison.Ordinal) });
        var path = ExecKubeconfig(server, expired: true, "interactiveMode: Never");
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.FromKubeconfigFile(path));

        await using (var source = new SourceUnderTest(server, connection: connection))
        {
            await source.ConvergedAsync();
            await Eventually.TrueAsync(() => server.Watches.Count > 0, "a watch");
        }

        var tokens = server.Requests.Select(r => r.Authorization).ToList();
        Assert.All(tokens, t => Assert.StartsWith("Bearer exec-", t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count()); // expired each time: a fresh token per request
        Assert.All(server.Requests, r => Assert.NotEqual(401, r.Status));
    }

    [Fact]
    public async Task Exec_plugin_token_that_does_not_expire_is_reused()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t.StartsWith("exec-", StringComparison.Ordinal) });
        var path = ExecKubeconfig(server, expired: false);
        using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.FromKubeconfigFile(path));

        await Lister(connection).ListAsync(CancellationToken.None);
        await Lister(connection).ListAsync(CancellationToken.None);

        Assert.Single(server.Requests.Select(r => r.Authorization).Distinct());
    }

    [Fact]
    public async Task Rejected_credentials_are_retried_and_never_ready()
    {
        await using var server = await StartAsync(new StandInOptions { AcceptToken = t => t == "right" });
        var path = kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), "token: wrong");
        using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.FromKubeconfigFile(path));
        await using var source = new SourceUnderTest(server, connection: connection);

        await Eventually.TrueAsync(() => source.Source.Counters.Failures >= 2, "retries");
        Assert.False(source.Status.IsReady);
        Assert.All(server.Requests, r => Assert.Equal(401, r.Status));
        Assert.Contains(source.Logger.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("401"));
    }

    private Task<StandInApiServer> StartAsync(StandInOptions options) =>
        StandInApiServer.StartAsync(options with { Certificate = serverCertificate });

    private static PodDefaultLister Lister(KubernetesConnection connection) =>
        new(connection, new ClusterSourceOptions(), TimeProvider.System, NullLogger.Instance);

    private static async Task AssertListsAsync(StandInApiServer server, string kubeconfigPath)
    {
        server.Store.Put(PodDefaultObjects.Env("team", "listed", "app", "A", "1"));
        using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.FromKubeconfigFile(kubeconfigPath));

        var list = await Lister(connection).ListAsync(CancellationToken.None);

        Assert.Equal("team/listed", $"{list.Items.Single().Namespace}/{list.Items.Single().Name}");
        Assert.Equal(200, server.Lists.Single().Status);
    }

    private static (string CertificatePem, string KeyPem, string Thumbprint) ClientCertificate(string keyKind)
    {
        using AsymmetricAlgorithm key = keyKind == "EC" ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        using var certificate = SelfSignedCertificate.ForClient(key);
        var keyPem = (keyKind, key) switch
        {
            ("RSA PKCS#1", RSA rsa) => rsa.ExportRSAPrivateKeyPem(),
            ("RSA PKCS#8", RSA rsa) => rsa.ExportPkcs8PrivateKeyPem(),
            (_, ECDsa ec) => ec.ExportECPrivateKeyPem(),
            _ => throw new ArgumentException(keyKind),
        };
        Assert.Contains(keyKind switch { "RSA PKCS#1" => "BEGIN RSA PRIVATE KEY", "RSA PKCS#8" => "BEGIN PRIVATE KEY", _ => "BEGIN EC PRIVATE KEY" }, keyPem);
        return (certificate.ExportCertificatePem(), keyPem, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>A shell script that prints an ExecCredential with a new token each run.</summary>
    /// <summary>A kubeconfig whose user runs <see cref="ExecPlugin"/>; <paramref name="more"/> is one more line of its exec block.</summary>
    private string ExecKubeconfig(StandInApiServer server, bool expired, string more = "") =>
        kubeconfig.Write(server.BaseUri, TestKubeconfig.CaData(serverCertificate), $"""
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: {ExecPlugin(expired)}
              {more}
            """);

    private string ExecPlugin(bool expired)
    {
        var counter = Path.Combine(kubeconfig.Folder, "runs");
        var expiry = expired ? "2000-01-01T00:00:00Z" : "2999-01-01T00:00:00Z";
        var script = kubeconfig.File("credential-plugin.sh", $$$"""
            #!/bin/sh
            n=$(cat '{{{counter}}}' 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > '{{{counter}}}'
            printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"exec-%s","expirationTimestamp":"{{{expiry}}}"}}' "$n"
            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
