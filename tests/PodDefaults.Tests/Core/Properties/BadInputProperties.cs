namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Every bad input gets a clear error: the engine answers a damaged AdmissionReview or rejects it as
/// malformed (a 400), and the parser turns a damaged PodDefault into a <see cref="PodDefaultFormatException"/>
/// or an unusable selector. Any other exception would be a 5xx or a crashed source.
/// </summary>
public sealed class BadInputProperties
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 1000;

    [Fact]
    public void A_damaged_review_is_answered_or_rejected_as_malformed() =>
        Gen.Select(AdmissionCase.Gen, Mutation.Text).Sample((c, damage) =>
        {
            var holder = new SnapshotHolder();
            holder.Publish(holder.Current.ReplaceAll(c.PodDefaults.Select(Parse)));
            var body = damage(AdmissionCase.Review(c.Pod, "uid-1"));
            using var output = new PooledBufferWriter();
            try
            {
                using (new AdmissionEngine(holder).Review(Encoding.UTF8.GetBytes(body), output))
                {
                }
            }
            catch (AdmissionReviewFormatException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                return;
            }
            var response = JsonNode.Parse(output.WrittenSpan)!;
            Assert.Equal("AdmissionReview", (string?)response["kind"]);
            Assert.NotNull(response["response"]!["allowed"]);
        }, iter: Iterations, print: t => $"{AdmissionCase.Print(t.Item1)}\ndamaged review:\n{t.Item2(AdmissionCase.Review(t.Item1.Pod, "uid-1"))}");

    [Fact]
    public void A_damaged_PodDefault_parses_or_names_what_is_wrong() =>
        Gen.Select(PodDefaultGenerator.PodDefaults, Mutation.Tree).Sample((podDefaults, damage) =>
        {
            foreach (var podDefault in podDefaults)
            {
                var damaged = damage(podDefault);
                using var document = JsonDocument.Parse(damaged.ToJsonString());
                try
                {
                    var parsed = PodDefaultParser.Parse(document.RootElement);
                    Assert.True(parsed.Selector.IsValid || !string.IsNullOrWhiteSpace(parsed.Selector.Error));
                }
                catch (PodDefaultFormatException error)
                {
                    Assert.StartsWith("/", error.Pointer);
                    Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                }
            }
        }, iter: Iterations, print: t => string.Join("\n", t.Item1.Select(pd => t.Item2(pd).ToJsonString())));

    private static PodDefault Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement);
    }
}
