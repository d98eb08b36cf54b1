using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using PodDefaults.Benchmarks.Admission;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary>
/// A against the straightforward way (DOM, mutate a copy, diff into a patch), in the same run: the Ratio
/// column is our time over the baseline's. The setup fails unless both patches give the same pod. JIT only: the
/// NativeAOT job reports it as not available.
/// </summary>
public class BaselineBenchmarks
{
    private readonly PooledBufferWriter response = new();
    private AdmissionEngine engine = null!;
    private StraightforwardWebhook straightforward = null!;
    private byte[] review = [];

    [Params(5, 50)]
    public int PodDefaultsInNamespace { get; set; }

    [Params(PodSize.Small, PodSize.Large)]
    public PodSize Pod { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The straightforward way is written for the JIT: Newtonsoft.Json and the two libraries on it build their
        // converters and contracts by reflection, which Native AOT trims away.
        if (!RuntimeFeature.IsDynamicCodeSupported)
            throw new NotSupportedException("the baseline relies on Newtonsoft.Json's reflection, which Native AOT removes: run it with --jit");
        engine = Engines.ForNamespace(BenchCorpus.Namespace, PodDefaultsInNamespace);
        straightforward = Straightforward(BenchCorpus.Namespace, PodDefaultsInNamespace);
        review = BenchCorpus.Review(Pod, matching: true);
        Ours();
        if (PatchAgreement.Compare(review, response.WrittenSpan.ToArray(), Baseline()) is { } difference)
            throw new InvalidOperationException(difference);
    }

    [Benchmark(Baseline = true, Description = "Baseline: JToken + JsonDiffPatch")]
    public byte[] Baseline() => straightforward.Review(review);

    [Benchmark(Description = "A: ours")]
    public int Ours()
    {
        response.Clear();
        using var admission = engine.Review(review, response);
        return response.WrittenCount;
    }

    public static StraightforwardWebhook Straightforward(string @namespace, int count) => new(
        new Dictionary<string, List<JObject>>
        {
            [@namespace] = [.. PodDefaultObjects.ForNamespace(@namespace, count).Select(pd => JObject.Parse(pd.ToJsonString()))],
        });
}
