using BenchmarkDotNet.Attributes;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;

namespace PodDefaults.Benchmarks.Admission;

/// <summary>B: the no-match path, a pod whose labels select none of its namespace's PodDefaults.</summary>
public class NoMatchBenchmarks
{
    private AdmissionEngine engine = null!;
    private byte[] review = [];
    private readonly PooledBufferWriter response = new();

    [Params(50, 1000)]
    public int PodDefaultsInNamespace { get; set; }

    [Params(PodSize.Small, PodSize.Large, PodSize.Istio)]
    public PodSize Pod { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = Engines.ForNamespace(BenchCorpus.Namespace, PodDefaultsInNamespace);
        review = BenchCorpus.Review(Pod, matching: false);
        Engines.ExpectOutcome(engine, review, AdmissionOutcome.Unchanged);
    }

    [Benchmark(Description = "B: no-match admission")]
    public int Admit()
    {
        response.Clear();
        using var admission = engine.Review(review, response);
        return response.WrittenCount;
    }
}
