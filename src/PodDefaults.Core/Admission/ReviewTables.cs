using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Admission;

/// <summary>What the webhook reads of an AdmissionReview's envelope, as tables (docs/semantics.md §2).</summary>
internal static class ReviewTables
{
    public static readonly MemberTable<AdmissionRequest> Review = new("",
        new StringMember<AdmissionRequest>("apiVersion", (request, text) => request.ReviewApiVersion = text),
        new StringMember<AdmissionRequest>("kind", (request, text) => request.ReviewKind = text),
        new ObjectMember<AdmissionRequest, AdmissionRequest>("request", Request, request => request, (request, present) => request.HasRequest = present));

    private static MemberTable<AdmissionRequest> Request(string path) => new(path,
        new StringMember<AdmissionRequest>("uid", (request, text) => request.Uid = text),
        new StringMember<AdmissionRequest>("operation", (request, text) => request.Operation = text),
        new StringMember<AdmissionRequest>("namespace", (request, text) => request.Namespace = text),
        new StringMember<AdmissionRequest>("name", (request, text) => request.Name = text),
        new StringMember<AdmissionRequest>("subResource", (request, text) => request.SubResource = text),
        new ObjectMember<AdmissionRequest, AdmissionRequest>("resource", Resource, request => request, (_, _) => { }),
        new PodObjectMember("object"));

    private static MemberTable<AdmissionRequest> Resource(string path) => new(path,
        new StringMember<AdmissionRequest>("group", (request, text) => request.ResourceGroup = text),
        new StringMember<AdmissionRequest>("version", (request, text) => request.ResourceVersion = text),
        new StringMember<AdmissionRequest>("resource", (request, text) => request.Resource = text));

    /// <summary>
    /// <c>request.object</c>: read as a pod (its metadata, the spec's place) unless what came before it rules
    /// out a pod CREATE, or <see cref="AdmissionRequest.ReadsPod"/> is off because it did not read as one.
    /// </summary>
    private sealed class PodObjectMember(string name) : Member<AdmissionRequest>(name, 0)
    {
        private MemberTable<PodShape> pod = null!;

        public override void Bind(string objectPath)
        {
            base.Bind(objectPath);
            pod = PodTables.Object(Path);
        }

        public override void Read(ref JsonCursor cursor, AdmissionRequest request)
        {
            request.HasObject = cursor.Peek() != (byte)'n';
            if (!request.ReadsPod || request.IsKnownNotPodCreate(cursor.Json))
            {
                cursor.SkipValue();
                return;
            }
            request.InObject = true;
            if (cursor.BeginObject(Path))
                ObjectReader.Read(ref cursor, pod, request.Pod);
            request.InObject = false;
        }
    }
}
