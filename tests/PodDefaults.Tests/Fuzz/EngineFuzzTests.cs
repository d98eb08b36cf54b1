using PodDefaults.Tests.Core.Properties;

namespace PodDefaults.Tests.Fuzz;

/// <summary>
/// Random and mutated reviews through the real engine: it answers, or rejects the body as malformed (a 400). Any
/// other exception would be a 5xx for every pod that carries the input.
/// </summary>
public sealed class EngineFuzzTests
{
    private static readonly int Iterations = FuzzIterations.Count(300);

    [Fact]
    public void Hostile_mutations_of_valid_reviews_are_answered_or_rejected_as_malformed() =>
        Gen.Select(AdmissionCase.Gen, Hostile.Text, Mutation.Text, Gen.Bool).Sample((c, hostile, random, both) =>
        {
            var review = hostile(AdmissionCase.Review(c.Pod, "uid-1"));
            AnswersOrRejects(c, Encoding.UTF8.GetBytes(both ? random(review) : review));
        }, iter: Iterations, print: t => $"{AdmissionCase.Print(t.Item1)}\nreview:\n{t.Item2(AdmissionCase.Review(t.Item1.Pod, "uid-1"))}");

    [Fact]
    public void Random_bytes_are_answered_or_rejected_as_malformed() =>
        Gen.Byte.Array[0, 512].Sample(bytes => AnswersOrRejects(null, bytes), iter: Iterations);

    private static void AnswersOrRejects(AdmissionCase? c, byte[] body)
    {
        var holder = new SnapshotHolder();
        if (c is not null)
            holder.Publish(holder.Current.ReplaceAll(c.PodDefaults.Select(EngineHarnessParse)));
        using var output = new PooledBufferWriter();
        try
        {
            using (new AdmissionEngine(holder).Review(body, output))
            {
            }
        }
        catch (AdmissionReviewFormatException error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            return;
        }
        var response = JsonNode.Parse(output.WrittenSpan)!;
        Assert.NotNull(response["response"]!["allowed"]);
    }

    private static PodDefault EngineHarnessParse(string json) => PodDefaults.Tests.Core.EngineHarness.Parse(json);
}
