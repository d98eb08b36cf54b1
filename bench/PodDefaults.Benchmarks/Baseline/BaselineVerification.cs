using PodDefaults.Benchmarks.Admission;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Buffers;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary><c>verify</c>: the baseline and the engine patch every corpus pod into the same pod.</summary>
public static class BaselineVerification
{
    public static int Run()
    {
        var failures = 0;
        foreach (var count in new[] { 5, 50, 1000 })
        {
            var engine = Engines.ForNamespace(BenchCorpus.Namespace, count);
            var baseline = BaselineBenchmarks.Straightforward(BenchCorpus.Namespace, count);
            foreach (var size in Enum.GetValues<PodSize>())
            {
                for (var index = 0; index < 5; index++)
                {
                    var review = BenchCorpus.Review(size, matching: true, index: index);
                    using var response = new PooledBufferWriter();
                    using (engine.Review(review, response))
                    {
                    }
                    var difference = PatchAgreement.Compare(review, response.WrittenSpan.ToArray(), baseline.Review(review));
                    Console.WriteLine($"{count,5} PodDefaults, {size,-6} pod #{index} ({review.Length,6} B): {difference ?? "same pod"}");
                    failures += difference is null ? 0 : 1;
                }
            }
        }
        Console.WriteLine(failures == 0 ? "verify: every patch agrees" : $"verify: {failures} disagree");
        return failures == 0 ? 0 : 1;
    }
}
