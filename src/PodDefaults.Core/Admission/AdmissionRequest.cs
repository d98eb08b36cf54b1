using PodDefaults.Core.Json;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Admission;

/// <summary>
/// The parts of an AdmissionReview's <c>request</c> the webhook reads, as positions in the body, and the
/// shape of the pod in <c>request.object</c>.
/// </summary>
public sealed class AdmissionRequest
{
    public AdmissionApiVersion ApiVersion { get; set; }
    public JsonString Uid { get; set; } = JsonString.None;
    public JsonString Operation { get; set; } = JsonString.None;
    public JsonString Namespace { get; set; } = JsonString.None;
    public JsonString Name { get; set; } = JsonString.None;
    public JsonString ResourceGroup { get; set; } = JsonString.None;
    public JsonString ResourceVersion { get; set; } = JsonString.None;
    public JsonString Resource { get; set; } = JsonString.None;
    public JsonString SubResource { get; set; } = JsonString.None;

    /// <summary>The review's <c>apiVersion</c> and <c>kind</c> as written, checked once the review is read.</summary>
    internal JsonString ReviewApiVersion { get; set; } = JsonString.None;
    internal JsonString ReviewKind { get; set; } = JsonString.None;

    /// <summary>The review has a <c>request</c> object.</summary>
    internal bool HasRequest { get; set; }

    /// <summary>Whether <c>request.object</c> is read as a pod (off on the second read, after it did not read as one).</summary>
    internal bool ReadsPod { get; set; } = true;

    /// <summary>The reader is inside <c>request.object</c>: an error there may not be one (not a pod CREATE).</summary>
    internal bool InObject { get; set; }

    /// <summary><c>request.object</c> is there and not <c>null</c>.</summary>
    public bool HasObject { get; set; }

    public PodShape Pod { get; } = new();

    /// <summary>Only CREATE of core/v1 pods (no subresource) is mutated (docs/semantics.md §2).</summary>
    public bool IsPodCreate(ReadOnlySpan<byte> source) =>
        Operation.TextEquals(source, "CREATE"u8)
        && (!ResourceGroup.IsPresent || ResourceGroup.Length == 0)
        && ResourceVersion.TextEquals(source, "v1"u8)
        && Resource.TextEquals(source, "pods"u8)
        && (!SubResource.IsPresent || SubResource.Length == 0);

    /// <summary>Whether what has been read so far already rules out a pod CREATE (the object can then be skipped).</summary>
    public bool IsKnownNotPodCreate(ReadOnlySpan<byte> source) =>
        (Operation.IsPresent && !Operation.TextEquals(source, "CREATE"u8))
        || (Resource.IsPresent && !Resource.TextEquals(source, "pods"u8))
        || (SubResource.IsPresent && SubResource.Length > 0);

    /// <summary>The pod's namespace: its own, else the request's (controllers often leave it out).</summary>
    public JsonString PodNamespace => Pod.Namespace.IsPresent && Pod.Namespace.Length > 0 ? Pod.Namespace : Namespace;

    public void Reset()
    {
        ApiVersion = AdmissionApiVersion.V1;
        Uid = Operation = Namespace = Name = ResourceGroup = ResourceVersion = Resource = SubResource = JsonString.None;
        ReviewApiVersion = ReviewKind = JsonString.None;
        HasRequest = InObject = false;
        ReadsPod = true;
        HasObject = false;
        Pod.Reset();
    }
}
