using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;

namespace PodDefaults.Core.Pods;

/// <summary>
/// A pod's <c>spec</c>: read at once with what the PodDefaults selecting the pod touch when the pod's
/// <see cref="PodShape.Planner"/> can tell by then (metadata came first); otherwise only skipped (its structure
/// checked) and its place kept, for <see cref="Admission.AdmissionReviewReader.ReadSpec"/>.
/// </summary>
internal sealed class SpecMember(string name) : Member<PodShape>(name, 0)
{
    private MemberTable<PodShape> spec = null!;

    public override void Bind(string objectPath)
    {
        base.Bind(objectPath);
        spec = PodTables.Spec(Path);
    }

    public override void Read(ref JsonCursor cursor, PodShape pod)
    {
        var depth = cursor.Depth;
        if (cursor.TryNull())
        {
            pod.DeferSpec(JsonRange.None, depth);
            return;
        }
        if (cursor.Peek() != (byte)'{')
            throw cursor.Expected(Path, "an object");
        if (!pod.HasMetadata || pod.Planner?.Plan(cursor.Json) is not { } needs)
        {
            pod.DeferSpec(cursor.SkipRange(), depth);
            return;
        }
        var start = cursor.Position;
        if (needs == SpecNeeds.None)
        {
            cursor.SkipValue();
        }
        else
        {
            var outer = cursor.Needs;
            cursor.Needs = (uint)needs;
            cursor.BeginObject(Path);
            ObjectReader.Read(ref cursor, spec, pod);
            cursor.Needs = outer;
        }
        pod.SpecReadAt(new JsonRange(start, cursor.Position - start), depth);
    }
}
