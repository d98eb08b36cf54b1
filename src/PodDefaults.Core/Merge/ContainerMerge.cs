using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// One original container of the pod as the PodDefaults applied so far left it: env, envFrom,
/// volumeMounts, command, args and resources.
/// </summary>
public sealed class ContainerMerge
{
    public int Index { get; private set; }
    public ContainerShape Shape { get; private set; } = ContainerShape.Empty;

    /// <summary>Istio's proxy keeps its own command, args and resources; it still gets env and mounts.</summary>
    public bool IsIstioProxy { get; private set; }

    public ListMerge Env { get; } = new();
    public ListMerge EnvFrom { get; } = new();
    public ListMerge VolumeMounts { get; } = new();
    public QuantityMerge Limits { get; } = new();
    public QuantityMerge Requests { get; } = new();
    public JsonItem? Command { get; private set; }
    public JsonItem? Args { get; private set; }

    public void Reset(int index, ContainerShape shape, ReadOnlySpan<byte> source, LimitRangerAnnotation? limitRanger)
    {
        Index = index;
        Shape = shape;
        var name = shape.Name;
        IsIstioProxy = name.TextEquals(source, "istio-proxy"u8);
        Env.Reset(shape.Env, new FieldContext("env", ValueKind.EnvVar, name));
        EnvFrom.Reset(shape.EnvFrom, new FieldContext("envFrom", ValueKind.Json, name));
        VolumeMounts.Reset(shape.VolumeMounts, new FieldContext("volumeMounts", ValueKind.Json, name));
        Limits.Reset(shape.Limits, "limits", name, limitRanger);
        Requests.Reset(shape.Requests, "requests", name, limitRanger);
        Command = Args = null;
    }

    public void Merge(PodDefault podDefault, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        var spec = podDefault.Spec;
        foreach (var env in spec.Env)
            Env.MergeKeyed(env, podDefault, source, conflicts);
        foreach (var envFrom in spec.EnvFrom)
            EnvFrom.MergeUnkeyed(envFrom, podDefault, source);
        foreach (var mount in spec.VolumeMounts)
            VolumeMounts.MergeKeyed(mount, podDefault, source, conflicts);
        if (IsIstioProxy)
            return;

        // command and args: only on a container that has none; the first PodDefault that sets one wins.
        if (spec.Command is not null && !Shape.HasCommand && Command is null)
            Command = spec.Command;
        if (spec.Args is not null && !Shape.HasArgs && Args is null)
            Args = spec.Args;
        foreach (var limit in spec.Limits)
            Limits.Merge(limit, podDefault, source, conflicts);
        foreach (var request in spec.Requests)
            Requests.Merge(request, podDefault, source, conflicts);
    }

    /// <summary>After every PodDefault: no request may exceed its limit for a resource a PodDefault wrote.</summary>
    public void CheckRequestsWithinLimits(ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var (item, from) in Limits.Set)
            CheckWithinLimit(item, from, source, conflicts);
        foreach (var (item, from) in Requests.Set)
        {
            if (!WritesLimit(item.Key))
                CheckWithinLimit(item, from, source, conflicts);
        }
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
            conflicts.Add(Conflict.RequestAboveLimit(new FieldContext("resources", ValueKind.Json, Shape.Name), resource.Key, source, requestText, limitText, from.Name));
        }
    }
}
