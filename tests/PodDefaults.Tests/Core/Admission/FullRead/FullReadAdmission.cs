using PodDefaults.Core.Merge;
using PodDefaults.Core.Patch;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>
/// The decision as the engine made it when it tokenized the whole review with <see cref="Utf8JsonReader"/>
/// (<see cref="FullReadReviewReader"/>): the same selection, merge and patch, so that a difference in the
/// answer can only come from reading.
/// </summary>
internal static class FullReadAdmission
{
    /// <returns>The patch (empty when none) and the denial, or the reason the body was rejected (a 400).</returns>
    public static (byte[] Patch, string? Denial, string? Rejected) Decide(byte[] body, PodDefaultSnapshot snapshot)
    {
        var request = new AdmissionRequest();
        try
        {
            FullReadReviewReader.Read(body, request);
        }
        catch (AdmissionReviewFormatException error)
        {
            return ([], null, error.Message);
        }
        if (!request.IsPodCreate(body) || PodSelection.IsExcluded(body, request.Pod))
            return ([], null, null);
        var selection = new PodSelection();
        selection.Select(body, request, snapshot, []);
        if (selection.Applying.Count == 0)
            return ([], null, null);
        var merge = new PodMerge();
        try
        {
            merge.Run(body, request.Pod, selection.ApplyingSpan, selection.SelectedSpan);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return ([], null, error.Message);
        }
        if (merge.Conflicts.Count > 0)
        {
            var name = request.Pod.Name is { IsPresent: true, Length: > 0 } n ? n : request.Pod.GenerateName;
            return ([], ConflictMessage.Format(selection.Applying, name.ToString(body), merge.Conflicts), null);
        }
        using var patch = new PooledBufferWriter();
        var writer = new PatchWriter();
        writer.Start(patch);
        PodPatch.Write(body, merge, writer);
        writer.Finish();
        return (writer.OperationCount > 0 ? patch.WrittenSpan.ToArray() : [], null, null);
    }
}
