using BenchmarkDotNet.Attributes;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Selection;

namespace PodDefaults.Benchmarks.Selection;

/// <summary>
/// D: picking the PodDefaults of a pod (index lookup by its labels, selector evaluation, marker check, order)
/// in a namespace of 10 to 10,000, three of which match. Selectors use matchLabels, so the cost must stay flat.
/// </summary>
public class LookupBenchmarks
{
    private readonly AdmissionRequest request = new();
    private readonly PodSelection selection = new();
    private readonly List<string> warnings = [];
    private PodDefaultSnapshot snapshot = PodDefaultSnapshot.Empty;
    private byte[] review = [];

    [Params(10, 1_000, 10_000)]
    public int PodDefaultsInNamespace { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        snapshot = PodDefaultSnapshot.Empty.ReplaceAll(BenchCorpus.PodDefaults(BenchCorpus.Namespace, PodDefaultsInNamespace));
        review = BenchCorpus.Review(PodSize.Medium, matching: true);
        AdmissionReviewReader.Read(review, request);
        if (Select() != 3)
            throw new InvalidOperationException("the corpus pod is not selected by exactly three PodDefaults");
    }

    [Benchmark(Description = "D: select")]
    public int Select()
    {
        selection.Clear();
        selection.Select(review, request, snapshot, warnings);
        return selection.Applying.Count;
    }
}
