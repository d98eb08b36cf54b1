using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// Every bad request gets a 4xx with a reason, never a 5xx, and the keep-alive connection survives it
/// (the API server reuses its connections; a dropped one costs a TLS handshake on the next pod).
/// </summary>
public sealed class BadInputTests(BadInputTests.Server server) : IClassFixture<BadInputTests.Server>
{
    private const int Cap = 64 * 1024;

    public static TheoryData<string, string> MalformedReviews() => new()
    {
        { "{\"apiVersion\":", "the body is not a valid AdmissionReview" },
        { "[1,2,3]", "the body is not a JSON object" },
        { "not json at all", "the body is not a valid AdmissionReview" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "request is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}", "request.uid is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v2\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}", "unknown apiVersion \"admission.k8s.io/v2\"" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Pod\",\"request\":{\"uid\":\"1\"}}", "kind is \"Pod\", not AdmissionReview" },
        { "{\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}", "apiVersion is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}} trailing", "the body is not a valid AdmissionReview" },
        // The spec of a pod nothing selects is only skipped (docs/semantics.md §2); its metadata is always read.
        { PodCreate("{\"metadata\":{\"labels\":[\"not a map\"]}}"), "request.object.metadata.labels: expected an object" },
        { PodCreate("null"), "request.object is missing for a pod CREATE" },
    };

    [Theory]
    [MemberData(nameof(MalformedReviews))]
    public async Task A_malformed_review_is_a_400_with_the_reason(string body, string reason)
    {
        var before = server.Webhook.ClientConnections;

        using var response = await server.Webhook.PostReviewAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertConnectionKeptAsync(before);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_method_is_a_405_naming_post(string method)
    {
        var before = server.Webhook.ClientConnections;
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.Webhook.Address, WebhookPaths.Mutate));

        using var response = await server.Webhook.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Contains($"method {method} is not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertConnectionKeptAsync(before);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/yaml")]
    [InlineData(null)]
    public async Task Another_content_type_is_a_415(string? contentType)
    {
        var before = server.Webhook.ClientConnections;
        var content = new ByteArrayContent("{}"u8.ToArray());
        if (contentType is not null)
            content.Headers.ContentType = new(contentType);

        using var response = await server.Webhook.Client.PostAsync(new Uri(server.Webhook.Address, WebhookPaths.ApplyPodDefault), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("send application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertConnectionKeptAsync(before);
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        var content = new StringContent(PodCreate("{\"metadata\":{\"name\":\"p\"}}"), Encoding.UTF8);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        using var response = await server.Webhook.Client.PostAsync(new Uri(server.Webhook.Address, WebhookPaths.Mutate), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_is_a_413(bool declaresLength)
    {
        var body = new string(' ', Cap + 1);
        HttpContent content = declaresLength
            ? new StringContent(body, Encoding.UTF8, "application/json")
            : new ChunkedContent(Encoding.UTF8.GetBytes(body)).WithJson();

        using var response = await server.Webhook.Client.PostAsync(new Uri(server.Webhook.Address, WebhookPaths.ApplyPodDefault), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"larger than {Cap} bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_at_the_cap_is_read()
    {
        var review = PodCreate("{\"metadata\":{\"name\":\"p\"}}");
        var padded = review[..^1] + new string(' ', Cap - review.Length) + "}";
        Assert.Equal(Cap, Encoding.UTF8.GetByteCount(padded));

        using var response = await server.Webhook.PostReviewAsync(padded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_naming_the_webhook_paths()
    {
        using var response = await server.Webhook.Client.GetAsync(new Uri(server.Webhook.Address, "/nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(WebhookPaths.ApplyPodDefault, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebhookPaths.Healthz)]
    [InlineData(WebhookPaths.Readyz)]
    public async Task Health_endpoints_answer_ok(string path)
    {
        using var response = await server.Webhook.Client.GetAsync(new Uri(server.Webhook.Address, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string PodCreate(string podJson) =>
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-1\"," +
        "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"},\"namespace\":\"team\",\"operation\":\"CREATE\"," +
        $"\"object\":{podJson}}}}}";

    /// <summary>The connection that carried the bad request still carries the next good one.</summary>
    private async Task AssertConnectionKeptAsync(int connectionsBefore)
    {
        using var response = await server.Webhook.PostReviewAsync(PodCreate("{\"metadata\":{\"name\":\"p\"}}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Math.Max(connectionsBefore, 1), server.Webhook.ClientConnections);
    }

    /// <summary>A body without Content-Length, sent chunked.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        public ChunkedContent WithJson()
        {
            Headers.ContentType = new("application/json");
            return this;
        }
    }

    public sealed class Server : IAsyncLifetime
    {
        public WebhookTestServer Webhook { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Webhook = await WebhookTestServer.StartAsync(_ => { }, options => options with { MaxRequestBytes = Cap });

        public async Task DisposeAsync() => await Webhook.DisposeAsync();
    }
}
