using BenchmarkDotNet.Attributes;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;

namespace PodDefaults.Benchmarks.Admission;

/// <summary>
/// A: one whole admission in process, request bytes in, response bytes out (decode, select, merge, patch,
/// base64, envelope), for a pod that three PodDefaults of its namespace select (one for the istio pod).
/// </summary>
public class AdmissionBenchmarks
{
    private AdmissionEngine engine = null!;
    private byte[] review = [];
    private readonly PooledBufferWriter response = new();

    [Params(5, 50, 1000)]
    public int PodDefaultsInNamespace { get; set; }

    [Params(PodSize.Small, PodSize.Large, PodSize.Istio)]
    public PodSize Pod { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = Engines.ForNamespace(BenchCorpus.Namespace, PodDefaultsInNamespace);
        review = BenchCorpus.Review(Pod, matching: true);
        Engines.ExpectOutcome(engine, review, AdmissionOutcome.Patched, BenchCorpus.Matches(Pod));
    }

    [Benchmark(Description = "A: admission, 3 match (istio: 1)")]
    public int Admit()
    {
        response.Clear();
        using var admission = engine.Review(review, response);
        return response.WrittenCount;
    }
}
