using PodDefaults.Core.Merge;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Whether a merge changes nothing but marker annotations: the pod already has everything its PodDefaults set,
/// and only their recorded resourceVersions are behind (a PodDefault edited in a way that changed nothing it sets).
/// <c>explain</c> calls that "already applied", which is what it means to the person asking.
/// </summary>
public static class MarkerOnlyPatch
{
    public static bool Is(ReadOnlySpan<byte> source, PodMerge merge)
    {
        if (merge.Conflicts.Count > 0)
            return false;
        foreach (var container in merge.Containers)
        {
            foreach (var field in container.Fields)
            {
                if (field?.Changes(source) == true)
                    return false;
            }
        }
        foreach (var field in merge.Fields)
        {
            if (field != merge.Annotations && field.Changes(source))
                return false;
        }
        foreach (var annotation in merge.Annotations.Set)
        {
            if (!annotation.Item.KeyUtf8.AsSpan().SequenceEqual(annotation.From.Marker.KeyUtf8))
                return false;
        }
        return true;
    }
}
