using Microsoft.Extensions.DependencyInjection;
using PodDefaults.Tests.Core;
using PodDefaults.Tests.Core.Admission;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// Memory per request is bounded (issue 9, defect 6; docs/semantics.md §2): bodies grow as their bytes arrive,
/// within a process-wide budget and a read deadline, and stalled bodies never keep a review on another connection
/// waiting; the default cap admits the largest review the API server sends.
/// </summary>
public sealed class RequestMemoryTests
{
    private const string EnvForAll = """
        {"apiVersion":"kubeflow.org/v1alpha1","kind":"PodDefault",
         "metadata":{"name":"env-for-all","namespace":"ns","resourceVersion":"1"},
         "spec":{"selector":{"matchLabels":{"app":"x"}},"env":[{"name":"SETTING","value":"a-value-long-enough-to-make-each-operation-about-a-hundred-bytes"}]}}
        """;

    private const string SmallPod = """{"metadata":{"name":"p","namespace":"ns","labels":{"app":"x"}},"spec":{"containers":[{"name":"main"}]}}""";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Stalled_bodies_do_not_keep_a_review_on_a_new_connection_waiting()
    {
        await using var server = await StartAsync(options => options with { BodyReadTimeout = TimeSpan.FromSeconds(60) });
        var budget = server.Services.GetRequiredService<RequestBodyBudget>();
        var stalled = new List<RawHttpsConnection>();
        try
        {
            // Each announces the largest body and sends 100 KB of it: enough to be counted, then nothing more.
            for (var i = 0; i < 100; i++)
            {
                var connection = await RawHttpsConnection.OpenAsync(server.Address);
                stalled.Add(connection);
                await connection.SendHeadersAsync(WebhookPaths.ApplyPodDefault, ServeOptions.DefaultMaxRequestBytes);
                await connection.SendAsync(new byte[100_000]);
            }
            await Eventually.TrueAsync(() => budget.HeldBytes == 100 * 128 * 1024, "every stalled body is being read");

            var response = await PostOnNewConnectionAsync(server, EngineHarness.Review(SmallPod));

            Assert.Equal(200, response.Status);
            Assert.Contains("\"allowed\":true", response.Body, StringComparison.Ordinal);
            Assert.Equal(100 * 128 * 1024, budget.HeldBytes); // answered while all of them were still stalled
        }
        finally
        {
            foreach (var connection in stalled)
                await connection.DisposeAsync();
        }
        await Eventually.TrueAsync(() => budget.HeldBytes == 0, "the stalled bodies' buffers are given back");
    }

    [Fact]
    public async Task A_body_that_stalls_past_the_deadline_gets_408_and_the_connection_closes()
    {
        await using var server = await StartAsync(options => options with { BodyReadTimeout = TimeSpan.FromMilliseconds(300) });
        var budget = server.Services.GetRequiredService<RequestBodyBudget>();
        await using var connection = await RawHttpsConnection.OpenAsync(server.Address);

        await connection.SendHeadersAsync(WebhookPaths.ApplyPodDefault, 1_000_000);
        await connection.SendAsync(new byte[200_000]);
        var response = await connection.ReadResponseAsync(Patience);

        Assert.Equal(408, response.Status);
        Assert.Contains("the body did not arrive within 0.3 s", response.Body, StringComparison.Ordinal);
        Assert.True(await connection.IsClosedByServerAsync(Patience));
        Assert.Equal(0, budget.HeldBytes);
    }

    /// <summary>
    /// Read deadlines are pooled: one that fired (a 408) must not be handed to the next body that waits, which would
    /// time out at once; each body that waits for its second half gets a deadline of its own.
    /// </summary>
    [Fact]
    public async Task After_a_408_bodies_that_arrive_in_two_parts_within_the_deadline_are_answered()
    {
        await using var server = await StartAsync(options => options with { BodyReadTimeout = TimeSpan.FromSeconds(2) });
        await using (var stalled = await RawHttpsConnection.OpenAsync(server.Address))
        {
            await stalled.SendHeadersAsync(WebhookPaths.ApplyPodDefault, 1_000);
            await stalled.SendAsync(new byte[10]);
            Assert.Equal(408, (await stalled.ReadResponseAsync(Patience)).Status);
        }

        for (var i = 0; i < 3; i++)
        {
            var review = Encoding.UTF8.GetBytes(EngineHarness.Review(SmallPod));
            await using var connection = await RawHttpsConnection.OpenAsync(server.Address);
            await connection.SendHeadersAsync(WebhookPaths.ApplyPodDefault, review.Length);
            await connection.SendAsync(review.AsMemory(0, review.Length / 2));
            await Task.Delay(200);
            await connection.SendAsync(review.AsMemory(review.Length / 2));
            var response = await connection.ReadResponseAsync(Patience);

            Assert.Equal(200, response.Status);
            Assert.Contains("\"allowed\":true", response.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_past_the_budget_gets_503_and_a_small_review_is_still_answered()
    {
        // A body's buffer doubles as it grows: the first body needs 512 KiB + 1 MiB while it grows, then holds 1 MiB.
        const int held = 1024 * 1024;
        const int budgetBytes = held + 512 * 1024;
        await using var server = await StartAsync(options => options with
        {
            MaxBodyBufferBytes = budgetBytes,
            BodyReadTimeout = TimeSpan.FromSeconds(60),
        });
        var budget = server.Services.GetRequiredService<RequestBodyBudget>();
        await using var holder = await RawHttpsConnection.OpenAsync(server.Address);
        await holder.SendHeadersAsync(WebhookPaths.ApplyPodDefault, 2 * budgetBytes);
        await holder.SendAsync(new byte[600_000]);
        await Eventually.TrueAsync(() => budget.HeldBytes == held, "the first body holds most of the budget");
        await using var refused = await RawHttpsConnection.OpenAsync(server.Address);

        await refused.SendHeadersAsync(WebhookPaths.ApplyPodDefault, 2 * budgetBytes);
        await refused.SendAsync(new byte[600_000]);
        var response = await refused.ReadResponseAsync(Patience);
        var small = await PostOnNewConnectionAsync(server, EngineHarness.Review(SmallPod));

        Assert.Equal(503, response.Status);
        Assert.Contains("Retry-After: 1", response.Headers, StringComparison.Ordinal);
        Assert.Contains($"request bodies being read already hold {held} of {budgetBytes} bytes", response.Body, StringComparison.Ordinal);
        Assert.Equal(200, small.Status);
        await holder.DisposeAsync();
        await Eventually.TrueAsync(() => budget.HeldBytes == 0, "the first body's buffer is given back when its connection ends");
    }

    [Fact]
    public async Task A_review_the_API_server_escapes_to_8_MiB_is_admitted_with_the_default_cap()
    {
        await using var server = await StartAsync();
        var review = EscapedReview(podBytes: 1_400 * 1024);
        Assert.InRange(Encoding.UTF8.GetByteCount(review), 8 * 1024 * 1024, ServeOptions.DefaultMaxRequestBytes);

        using var response = await server.PostReviewAsync(review);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
        Assert.True((bool)answer["allowed"]!);
        Assert.NotNull(answer["patch"]);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_default_cap_is_a_413()
    {
        await using var server = await StartAsync();
        var review = EngineHarness.Review(SmallPod);
        var body = review[..^1] + new string(' ', ServeOptions.DefaultMaxRequestBytes + 1 - review.Length) + "}";
        Assert.Equal(ServeOptions.DefaultMaxRequestBytes + 1, Encoding.UTF8.GetByteCount(body));

        using var response = await server.PostReviewAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"larger than {ServeOptions.DefaultMaxRequestBytes} bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pod_whose_patch_would_pass_3_MiB_is_refused_with_400_and_the_reason()
    {
        await using var server = await StartAsync();
        var review = EngineHarness.Review(PatchSizeLimitTests.PodWithContainers(100_000));

        using var response = await server.PostReviewAsync(review);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 4096, $"the refusal is {text.Length} characters");
        var answer = JsonNode.Parse(text)!["response"]!;
        Assert.False((bool)answer["allowed"]!);
        Assert.Equal(400, (int)answer["status"]!["code"]!);
        Assert.Contains("more than the API server can store", (string)answer["status"]!["message"]!, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two huge reviews at once under a heap limit: the heap runs out inside the engine. That is an answer (503,
    /// retry), never a 500, and the next review is decided as usual.
    /// </summary>
    [Theory]
    [InlineData(typeof(OutOfMemoryException), "memory")]
    [InlineData(typeof(InsufficientExecutionStackException), "stack")]
    public async Task Running_out_of_memory_while_deciding_answers_503_with_Retry_After_and_the_next_review_is_answered(Type exhaustion, string what)
    {
        await using var server = await StartAsync();
        var engine = server.Services.GetRequiredService<AdmissionEngine>();
        var failures = 1;
        engine.BeforeRun = () =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
                throw (Exception)Activator.CreateInstance(exhaustion)!;
        };

        using var exhausted = await server.PostReviewAsync(EngineHarness.Review(SmallPod));
        using var next = await server.PostReviewAsync(EngineHarness.Review(SmallPod));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exhausted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), exhausted.Headers.RetryAfter?.Delta);
        Assert.Contains($"ran out of {what} while deciding on this review: retry", await exhausted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("\"allowed\":true", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The review the API server sends for a pod whose env value is <c>&lt;&amp;&gt;</c> repeated: its JSON encoder
    /// (like System.Text.Json's default one) writes each of those characters as a 6-byte <c>\u003c</c> escape.
    /// </summary>
    private static string EscapedReview(int podBytes)
    {
        var value = string.Concat(Enumerable.Repeat("<&>", podBytes / 3));
        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "escaped", ["namespace"] = "ns", ["labels"] = new JsonObject { ["app"] = "x" } },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "main",
                    ["env"] = new JsonArray(new JsonObject { ["name"] = "MARKUP", ["value"] = value }),
                }),
            },
        };
        return EngineHarness.Review(pod.ToJsonString());
    }

    private static async Task<RawResponse> PostOnNewConnectionAsync(WebhookTestServer server, string review)
    {
        await using var connection = await RawHttpsConnection.OpenAsync(server.Address);
        var body = Encoding.UTF8.GetBytes(review);
        await connection.SendHeadersAsync(WebhookPaths.ApplyPodDefault, body.Length);
        await connection.SendAsync(body);
        return await connection.ReadResponseAsync(Patience);
    }

    private static Task<WebhookTestServer> StartAsync(Func<ServeOptions, ServeOptions>? adjust = null) =>
        WebhookTestServer.StartAsync(folder => File.WriteAllText(Path.Combine(folder, "env-for-all.json"), EnvForAll), adjust);
}
