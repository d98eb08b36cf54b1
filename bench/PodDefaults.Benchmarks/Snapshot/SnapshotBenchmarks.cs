using BenchmarkDotNet.Attributes;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Benchmarks.Snapshot;

/// <summary>
/// C: what one watch event costs the snapshot (10,000 PodDefaults in 2,000 namespaces), and a full rebuild
/// of that snapshot (a relist, or the file source reloading).
/// </summary>
public class SnapshotBenchmarks
{
    private const int Namespaces = 2_000;
    private const int PerNamespace = 5;

    private List<PodDefault> all = [];
    private PodDefaultSnapshot snapshot = PodDefaultSnapshot.Empty;
    private PodDefault modified = null!;
    private PodDefault added = null!;
    private byte[] modifiedEvent = [];

    [GlobalSetup]
    public void Setup()
    {
        all = [.. Enumerable.Range(0, Namespaces).SelectMany(i => BenchCorpus.PodDefaults(NamespaceName(i), PerNamespace))];
        snapshot = PodDefaultSnapshot.Empty.ReplaceAll(all);
        var target = PodDefaultObjects.ForNamespace(NamespaceName(Namespaces / 2), PerNamespace).Last();
        target["metadata"]!["resourceVersion"] = "999999";
        modifiedEvent = BenchCorpus.Compact(target);
        modified = BenchCorpus.Parse(target);
        var extra = PodDefaultObjects.ForNamespace(NamespaceName(Namespaces / 2), PerNamespace + 1).Last();
        added = BenchCorpus.Parse(extra);
        if (snapshot.Count != Namespaces * PerNamespace || snapshot.With(added).Count != snapshot.Count + 1)
            throw new InvalidOperationException("the snapshot does not hold the corpus");
    }

    [Benchmark(Description = "C: event, modified")]
    public PodDefaultSnapshot Modified() => snapshot.With(modified);

    [Benchmark(Description = "C: event, added")]
    public PodDefaultSnapshot Added() => snapshot.With(added);

    [Benchmark(Description = "C: event, deleted")]
    public PodDefaultSnapshot Deleted() => snapshot.Without(modified.Namespace, modified.Name);

    /// <summary>The event as the source handles it: the object's JSON parsed into a PodDefault, then the snapshot derived.</summary>
    [Benchmark(Description = "C: event, parse + modified")]
    public PodDefaultSnapshot ParsedAndModified()
    {
        var document = System.Text.Json.JsonDocument.Parse(modifiedEvent);
        using (document)
            return snapshot.With(PodDefaultParser.Parse(document.RootElement));
    }

    [Benchmark(Description = "C: full rebuild (10,000)")]
    public PodDefaultSnapshot Rebuild() => PodDefaultSnapshot.Empty.ReplaceAll(all);

    private static string NamespaceName(int i) => $"kubeflow-user-{i:D4}";
}
