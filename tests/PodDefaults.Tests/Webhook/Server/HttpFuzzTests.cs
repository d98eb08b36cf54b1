using PodDefaults.Tests.Conformance;
using PodDefaults.Tests.Core.Properties;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// Random and damaged reviews through the real HTTPS handler (issue 9, "Keep it hardened"): every one is answered
/// 200 or 400, never a 5xx, no exception escapes the handler (Kestrel would answer it 500), and the keep-alive
/// connection carries them all. The count is bounded here; <c>CsCheck_Iter=100000</c> runs a longer search.
/// </summary>
public sealed class HttpFuzzTests
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? Math.Min(iterations, 100_000) : 400;

    private static readonly string[] CaseFiles = [.. ConformanceCase.Files()];

    private static readonly string[] CaseReviews =
        [.. CaseFiles.Select(file => ConformanceCase.Load(file).InNamespaces(HttpsConformanceTests.Server.Prefix(file)).BuildReview("uid-fuzz"))];

    /// <summary>A review the webhook would patch or reject (a conformance case's), one of generated shapes, or random bytes.</summary>
    private static Gen<byte[]> Body => Gen.Frequency(
        (1, Gen.Int[0, CaseFiles.Length - 1].Select(i => Encoding.UTF8.GetBytes(CaseReview(i)))),
        (5, from i in Gen.Int[0, CaseFiles.Length - 1] from damage in Mutation.Text select Encoding.UTF8.GetBytes(damage(CaseReview(i)))),
        (2, from pod in PodGenerator.Pod from damage in Mutation.Text
            select Encoding.UTF8.GetBytes(damage(AdmissionCase.Review(pod.ToJsonString(), "uid-fuzz")))),
        (1, Gen.Byte.Array[0, 2000]));

    [Fact]
    public async Task Random_and_damaged_reviews_get_200_or_400_on_one_connection()
    {
        await using var server = await WebhookTestServer.StartAsync(folder =>
        {
            foreach (var file in CaseFiles)
            {
                var testCase = ConformanceCase.Load(file).InNamespaces(HttpsConformanceTests.Server.Prefix(file));
                File.WriteAllText(Path.Combine(folder, Path.ChangeExtension(file, ".json")), testCase.PodDefaultListJson());
            }
        });

        await Body.SampleAsync(async body =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await server.Client.PostAsync(new Uri(server.Address, WebhookPaths.ApplyPodDefault), content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var answer = JsonNode.Parse(text)!;
                Assert.Equal("AdmissionReview", (string?)answer["kind"]);
                Assert.NotNull(answer["response"]!["allowed"]);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(text));
            }
        }, iter: Iterations, threads: 1, print: body => Encoding.UTF8.GetString(body));

        Assert.Equal(1, server.ClientConnections);
    }

    private static string CaseReview(int index) => CaseReviews[index];
}
