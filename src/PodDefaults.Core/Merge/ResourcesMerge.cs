using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// <c>resources</c> of one container: its <c>limits</c> and <c>requests</c> merged entry by entry, and after
/// every PodDefault no request above its limit for a resource a PodDefault wrote.
/// </summary>
public sealed class ResourcesMerge(PodDefaultField field) : FieldMerge(field)
{
    private readonly string limitsField = $"{field.PodMember}.limits";
    private readonly string requestsField = $"{field.PodMember}.requests";

    public QuantityMerge Limits { get; } = new();

    public QuantityMerge Requests { get; } = new();

    public override void Reset(JsonEntries existing, JsonString container, ContainerShape shape, LimitRangerAnnotation? limitRanger)
    {
        base.Reset(existing, container, shape, limitRanger);
        Limits.Reset(shape.Limits, "limits", limitsField, container, limitRanger);
        Requests.Reset(shape.Requests, "requests", requestsField, container, limitRanger);
    }

    public override void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var limit in from.Spec.Limits)
            Limits.Merge(limit, from, source, conflicts);
        foreach (var request in from.Spec.Requests)
            Requests.Merge(request, from, source, conflicts);
    }

    /// <summary>No request may exceed its limit for a resource a PodDefault wrote.</summary>
    public override void Finish(ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var (item, from) in Limits.Set)
            CheckWithinLimit(item, from, source, conflicts);
        foreach (var (item, from) in Requests.Set)
        {
            if (!WritesLimit(item.Key))
                CheckWithinLimit(item, from, source, conflicts);
        }
    }

    public override bool Changes(ReadOnlySpan<byte> source) => !Limits.Set.IsEmpty || !Requests.Set.IsEmpty;

    protected override void Clear()
    {
    }

    private bool WritesLimit(string resource)
    {
        foreach (var (limit, _) in Limits.Set)
        {
            if (limit.Key == resource)
                return true;
        }
        return false;
    }

    private void CheckWithinLimit(JsonItem resource, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (Requests.TryGetFinal(resource, source, out var request, out var requestText)
            && Limits.TryGetFinal(resource, source, out var limit, out var limitText)
            && request > limit)
        {
            conflicts.Add(Conflict.RequestAboveLimit(At, resource.Key, source, requestText, limitText, from.Name));
        }
    }
}
