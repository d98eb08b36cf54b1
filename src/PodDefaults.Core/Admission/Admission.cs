using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using PodDefaults.Core.Buffers;
using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;
using PodDefaults.Core.Patch;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>
/// One admission: decode the review, pick the PodDefaults, merge, write the patch and the response.
/// Pooled: everything it holds keeps its capacity for the next request. Dispose returns it to the pool;
/// until then its results (for telemetry and logs) stay readable.
/// </summary>
public sealed class Admission : IDisposable, ISpecPlanner
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ObjectPool<Admission> pool;
    private readonly Utf8JsonWriter response = new(DetachedOutput.Instance, WriterOptions);
    private readonly PatchWriter patchWriter = new();
    private readonly PooledBufferWriter patch = new();
    private readonly List<string> warnings = [];
    private ReadOnlyMemory<byte> body;
    private PodDefaultSnapshot snapshot = PodDefaultSnapshot.Empty;

    /// <summary>Selection ran while the review was read (<see cref="ISpecPlanner.Plan"/>).</summary>
    private bool selectedWhileReading;

    internal Admission(ObjectPool<Admission> pool)
    {
        this.pool = pool;
        Request.Pod.Planner = this;
    }

    public AdmissionRequest Request { get; } = new();

    public PodMerge Merge { get; } = new();

    /// <summary>Which PodDefaults were selected and why; explanations read it.</summary>
    public PodSelection Selection { get; } = new();

    public AdmissionOutcome Outcome { get; private set; }

    /// <summary>The PodDefaults being applied, in order (selected, not yet applied at their version).</summary>
    public IReadOnlyList<PodDefault> Applied => Selection.Applying;

    public IReadOnlyList<string> Warnings => warnings;

    public IReadOnlyList<Conflict> Conflicts => Merge.Conflicts;

    public int PatchOperationCount { get; private set; }

    /// <summary>The rejection message when <see cref="Outcome"/> is <see cref="AdmissionOutcome.Conflict"/>.</summary>
    public string? DenialMessage { get; private set; }

    /// <summary>The snapshot generation the decision was made on.</summary>
    public long SnapshotGeneration { get; private set; }

    public string Namespace => Request.PodNamespace.ToString(body.Span);

    /// <summary>The pod's name, or its generateName when it has none yet.</summary>
    public string PodName => PodNameOf(body.Span);

    public string Operation => Request.Operation.ToString(body.Span);

    /// <summary>The size of the review this admission decided on (until disposed).</summary>
    internal int ReviewBytes => body.Length;

    /// <exception cref="AdmissionReviewFormatException">The body is not an AdmissionReview.</exception>
    internal void Run(ReadOnlyMemory<byte> review, PodDefaultSnapshot snapshot, IBufferWriter<byte> output)
    {
        body = review;
        this.snapshot = snapshot;
        SnapshotGeneration = snapshot.Generation;
        var source = review.Span;
        AdmissionReviewReader.Read(source, Request);
        response.Reset(output);
        if (!Request.IsPodCreate(source) || PodSelection.IsExcluded(source, Request.Pod))
        {
            // What the reader selected for: a subResource after the object made it no pod CREATE after all.
            Selection.Clear();
            warnings.Clear();
            Outcome = AdmissionOutcome.Skipped;
            AdmissionResponseWriter.WriteAllowed(response, source, Request, default, warnings);
            return;
        }

        if (!selectedWhileReading)
            Selection.Select(source, Request, snapshot, warnings);
        if (Selection.Applying.Count == 0)
        {
            Outcome = AdmissionOutcome.Unchanged;
            AdmissionResponseWriter.WriteAllowed(response, source, Request, default, warnings);
            return;
        }

        AdmissionReviewReader.ReadSpec(source, Request, SpecNeedsOf.PodDefaults(Selection.ApplyingSpan));
        try
        {
            Merge.Run(source, Request.Pod, Selection.ApplyingSpan, Selection.SelectedSpan);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // A value the merge compares or describes lies in a part of the pod that was only skipped (a
            // container's other members, beside a sidecar of the same name) and is not JSON after all, or holds
            // a member name whose escape is no text (the conflict message looks members up by name).
            throw new AdmissionReviewFormatException($"the body is not a valid AdmissionReview: {error.Message}", error);
        }
        if (Merge.Conflicts.Count > 0)
        {
            Outcome = AdmissionOutcome.Conflict;
            DenialMessage = ConflictMessage.Format(Selection.Applying, PodNameOf(source), Merge.Conflicts);
            AdmissionResponseWriter.WriteDenied(response, source, Request, DenialMessage, warnings);
            return;
        }

        patchWriter.Start(patch);
        PodPatch.Write(source, Merge, patchWriter);
        patchWriter.Finish();
        if (patchWriter.TooLarge)
        {
            Outcome = AdmissionOutcome.Conflict;
            DenialMessage = ConflictMessage.PatchTooLarge(Selection.Applying, PodNameOf(source), Request.Pod.Containers.Count);
            AdmissionResponseWriter.WriteDenied(response, source, Request, DenialMessage, warnings);
            return;
        }
        PatchOperationCount = patchWriter.OperationCount;
        Outcome = PatchOperationCount > 0 ? AdmissionOutcome.Patched : AdmissionOutcome.Unchanged;
        AdmissionResponseWriter.WriteAllowed(response, source, Request, PatchOperationCount > 0 ? patch.WrittenSpan : default, warnings);
    }

    /// <summary>
    /// Selects as soon as the reader reaches the spec, if nothing read after it can change the selection: the
    /// request is a pod CREATE (a subResource after the object is caught by <see cref="Run"/>) and the
    /// pod's namespace is known. Then the spec is read once, for what the selected PodDefaults touch.
    /// </summary>
    SpecNeeds? ISpecPlanner.Plan(ReadOnlySpan<byte> source)
    {
        var pod = Request.Pod;
        if (!Request.IsPodCreate(source) || !(pod.Namespace is { IsPresent: true, Length: > 0 } || Request.Namespace.IsPresent))
            return null;
        if (PodSelection.IsExcluded(source, pod))
            return SpecNeeds.None;
        Selection.Select(source, Request, snapshot, warnings);
        selectedWhileReading = true;
        return SpecNeedsOf.PodDefaults(Selection.ApplyingSpan);
    }

    private string PodNameOf(ReadOnlySpan<byte> source) =>
        Request.Pod.Name is { IsPresent: true, Length: > 0 } name ? name.ToString(source) : Request.Pod.GenerateName.ToString(source);

    internal void Reset()
    {
        Request.Reset();
        Selection.Clear();
        Merge.Clear();
        warnings.Clear();
        patch.Clear();
        response.Reset(DetachedOutput.Instance);
        Outcome = AdmissionOutcome.Skipped;
        PatchOperationCount = 0;
        DenialMessage = null;
        body = default;
        snapshot = PodDefaultSnapshot.Empty;
        selectedWhileReading = false;
    }

    public void Dispose() => pool.Return(this);
}
