using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// Every conformance case through the real server: HTTPS on loopback, PodDefaults read from files by the
/// --defaults source, the AdmissionReview POSTed to /apply-poddefault over a keep-alive HTTP/1.1 connection.
/// </summary>
public sealed class HttpsConformanceTests(HttpsConformanceTests.Server server) : IClassFixture<HttpsConformanceTests.Server>
{
    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public async Task Case_passes_through_https(string file)
    {
        var testCase = ConformanceCase.Load(file).InNamespaces(Server.Prefix(file));
        var uid = Guid.NewGuid().ToString();

        using var response = await server.Webhook.PostReviewAsync(testCase.BuildReview(uid));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        ConformanceJudge.Judge(testCase, uid, await response.Content.ReadAsStringAsync());
    }

    /// <summary>One server for all cases, each case's PodDefaults in namespaces of its own.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public WebhookTestServer Webhook { get; private set; } = null!;

        public static string Prefix(string file) => $"c{file[..2]}-";

        public async Task InitializeAsync() =>
            Webhook = await WebhookTestServer.StartAsync(folder =>
            {
                foreach (var file in ConformanceCase.Files())
                {
                    var testCase = ConformanceCase.Load(file).InNamespaces(Prefix(file));
                    File.WriteAllText(Path.Combine(folder, Path.ChangeExtension(file, ".json")), testCase.PodDefaultListJson());
                }
            });

        public async Task DisposeAsync() => await Webhook.DisposeAsync();
    }
}
