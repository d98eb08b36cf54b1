using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;
using PodDefaults.Core.Selection;

namespace PodDefaults.Benchmarks.Admission;

/// <summary>Engines over corpus snapshots, and the check that a suite measures the path it names.</summary>
public static class Engines
{
    public static AdmissionEngine ForNamespace(string @namespace, int podDefaults)
    {
        var holder = new SnapshotHolder();
        holder.Publish(PodDefaultSnapshot.Empty.ReplaceAll(BenchCorpus.PodDefaults(@namespace, podDefaults)));
        return new AdmissionEngine(holder);
    }

    /// <summary>Fails the setup when the review does not take the expected path: a fast wrong answer measures nothing.</summary>
    public static void ExpectOutcome(AdmissionEngine engine, byte[] review, AdmissionOutcome expected, int applied = 0)
    {
        using var response = new PooledBufferWriter();
        using var admission = engine.Review(review, response);
        if (admission.Outcome != expected || admission.Applied.Count != applied)
            throw new InvalidOperationException($"the corpus review gave {admission.Outcome} with {admission.Applied.Count} PodDefaults, not {expected}");
    }
}
