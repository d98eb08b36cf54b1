using System.Buffers;
using Microsoft.Extensions.ObjectPool;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Answers AdmissionReviews from the current snapshot. Shared by the HTTP server and the CLI, so both decide
/// the same way. Thread-safe: each call takes its own pooled <see cref="Admission"/>.
/// </summary>
public sealed class AdmissionEngine
{
    private readonly SnapshotHolder snapshots;
    private readonly ObjectPool<Admission> pool;

    public AdmissionEngine(SnapshotHolder snapshots)
    {
        this.snapshots = snapshots;
        pool = new DefaultObjectPool<Admission>(new AdmissionPoolPolicy(() => pool!), Environment.ProcessorCount * 8);
    }

    /// <summary>Decides on <paramref name="review"/> and writes the response AdmissionReview into <paramref name="response"/>.</summary>
    /// <returns>The admission, readable until disposed; the caller must dispose it.</returns>
    /// <exception cref="AdmissionReviewFormatException">The body is not an AdmissionReview.</exception>
    /// <exception cref="AdmissionCapacityException">The heap or the stack ran out while deciding.</exception>
    public Admission Review(ReadOnlyMemory<byte> review, IBufferWriter<byte> response)
    {
        var admission = pool.Get();
        try
        {
            BeforeRun?.Invoke();
            admission.Run(review, snapshots.Current, response);
            return admission;
        }
        catch (Exception error) when (error is OutOfMemoryException or InsufficientExecutionStackException)
        {
            // Dropped, not pooled: its lists grew to whatever ran out, and the collector takes them back now.
            throw new AdmissionCapacityException(error);
        }
        catch
        {
            admission.Dispose();
            throw;
        }
    }

    /// <summary>Test seam: runs before each review is decided, where a test throws what an exhausted heap would.</summary>
    internal Action? BeforeRun { get; set; }

    /// <summary>
    /// An admission keeps its lists' capacity for the next review, about a kilobyte per container read. A review
    /// over this size (real ones are 5 to 50 KB) is not pooled after use: one with 100,000 containers would
    /// otherwise keep 100 MB or more in the pool for good.
    /// </summary>
    internal const int MaxPooledReviewBytes = 64 * 1024;

    private sealed class AdmissionPoolPolicy(Func<ObjectPool<Admission>> pool) : IPooledObjectPolicy<Admission>
    {
        public Admission Create() => new(pool());

        public bool Return(Admission admission)
        {
            var pooled = admission.ReviewBytes <= MaxPooledReviewBytes;
            admission.Reset();
            return pooled;
        }
    }
}
