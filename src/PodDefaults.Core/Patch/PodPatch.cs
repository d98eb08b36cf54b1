using PodDefaults.Core.Merge;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Patch;

/// <summary>
/// Turns a merge into targeted patch operations. Every operation is an <c>add</c>: a list or map the pod
/// lacks is added whole, otherwise items are appended (<c>/-</c>) and members set by key. Nothing is ever
/// moved or removed, so the operations apply in any order to the request's pod and indexes stay valid.
/// </summary>
public static class PodPatch
{
    public static void Write(ReadOnlySpan<byte> source, PodMerge merge, PatchWriter patch)
    {
        var pod = merge.Pod;
        if (!pod.HasMetadata && Changes(source, merge.MetadataFields))
            patch.Add("/metadata"u8, "{}"u8);
        foreach (var field in merge.MetadataFields)
        {
            if (field.Changes(source))
                WriteField(patch, field.Field.PatchPath, field);
        }

        if (!pod.HasSpec && Changes(source, merge.SpecFields))
            patch.Add("/spec"u8, "{}"u8);
        foreach (var container in merge.Containers)
            WriteContainer(source, patch, container);
        foreach (var field in merge.SpecFields)
        {
            if (field.Changes(source))
                WriteField(patch, field.Field.PatchPath, field);
        }
    }

    private static void WriteContainer(ReadOnlySpan<byte> source, PatchWriter patch, ContainerMerge container)
    {
        Span<byte> buffer = stackalloc byte[64];
        var prefix = new PatchPath(buffer).Append("/spec/containers"u8).AppendIndex(container.Index).Value;
        Span<byte> pathBuffer = stackalloc byte[128];
        foreach (var field in container.Fields)
        {
            if (field?.Changes(source) == true)
                WriteField(patch, new PatchPath(pathBuffer).Append(prefix).Append(field.Field.PatchPath).Value, field);
        }
    }

    /// <summary>What a field's merge adds at <paramref name="path"/>, the patch of each kind; the caller checked that it <see cref="FieldMerge.Changes"/> the pod.</summary>
    private static void WriteField(PatchWriter patch, ReadOnlySpan<byte> path, FieldMerge field)
    {
        switch (field)
        {
            case ListMerge list:
                WriteList(patch, path, list.Existing, list.Added);
                break;
            case MapMerge map:
                WriteMap(patch, path, map.Existing, map.Set);
                break;
            case FirstWinsMerge first:
                patch.Add(path, first.Value!.Json);
                break;
            case LastWinsMerge last:
                patch.Add(path, last.Value!.Json);
                break;
            case ResourcesMerge resources:
                WriteResources(patch, path, resources);
                break;
            default:
                throw new InvalidOperationException($"no patch for {field.Field.Kind} ({field.Field})");
        }
    }

    private static void WriteResources(PatchWriter patch, ReadOnlySpan<byte> path, ResourcesMerge resources)
    {
        if (!resources.Existing.Present)
            patch.Add(path, "{}"u8);
        Span<byte> partBuffer = stackalloc byte[160];
        WriteMap(patch, new PatchPath(partBuffer).Append(path).Append("/limits"u8).Value, resources.Limits.Existing, resources.Limits.Set);
        WriteMap(patch, new PatchPath(partBuffer).Append(path).Append("/requests"u8).Value, resources.Requests.Existing, resources.Requests.Set);
    }

    private static void WriteList(PatchWriter patch, ReadOnlySpan<byte> path, JsonEntries existing, ReadOnlySpan<AddedItem> added)
    {
        if (added.IsEmpty)
            return;
        if (!existing.Present)
        {
            patch.AddList(path, added);
            return;
        }
        Span<byte> buffer = stackalloc byte[path.Length + 2];
        var append = new PatchPath(buffer).Append(path).Append("/-"u8).Value;
        foreach (var item in added)
            patch.Add(append, item.Item.Json);
    }

    private static void WriteMap(PatchWriter patch, ReadOnlySpan<byte> path, JsonEntries existing, ReadOnlySpan<AddedItem> set)
    {
        if (set.IsEmpty)
            return;
        if (!existing.Present)
        {
            patch.AddObject(path, set);
            return;
        }
        Span<byte> stackBuffer = stackalloc byte[1024];
        foreach (var member in set)
        {
            var size = PatchPath.SizeFor(path.Length, member.Item.KeyUtf8);
            var buffer = size <= stackBuffer.Length ? stackBuffer : new byte[size];
            patch.Add(new PatchPath(buffer).Append(path).AppendKey(member.Item.KeyUtf8).Value, member.Item.Json);
        }
    }

    private static bool Changes(ReadOnlySpan<byte> source, ReadOnlySpan<FieldMerge> fields)
    {
        foreach (var field in fields)
        {
            if (field.Changes(source))
                return true;
        }
        return false;
    }
}
