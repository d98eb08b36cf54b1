using System.Text.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Turns each watch line into the next snapshot, one publish per event. Whatever goes wrong with one event (a
/// line that is not JSON, an object that does not parse, a snapshot that cannot be derived) skips that event
/// with a log line naming the object and a count; the snapshot stays the last good one and later events still
/// apply (docs/semantics.md §9).
/// </summary>
internal sealed class WatchEventApplier(
    SnapshotHolder holder,
    Action<PodDefaultSnapshot> publish,
    SourceStatus status,
    ClusterSourceCounters counters,
    ILogger logger,
    Func<JsonElement, PodDefault> parse)
{
    /// <summary>Applies one line and returns the resourceVersion reached.</summary>
    /// <exception cref="KubernetesApiException">An ERROR event: the watch is over (410 when its version expired).</exception>
    public string Apply(WatchLine line, string resourceVersion)
    {
        if (line.Error is { } error)
        {
            // The line is lost, but the stream is intact: later events still apply.
            counters.CountSkipped();
            ClusterSourceLog.SkippedLine(logger, error);
            return resourceVersion;
        }

        try
        {
            return ApplyEvent(line.Event, resourceVersion);
        }
        catch (Exception e) when (e is not KubernetesApiException)
        {
            // Whatever else one event raises costs that event only: the watch and later events go on.
            counters.CountSkipped();
            ClusterSourceLog.SkippedLine(logger, SkipReason.Of(e));
            return resourceVersion;
        }
    }

    private string ApplyEvent(WatchEvent watchEvent, string resourceVersion)
    {
        var (type, obj) = (watchEvent.Type, watchEvent.Object);
        if (type == WatchEventType.Error)
            throw KubernetesApiException.FromStatus(obj, "watch");

        var reached = ObjectMetadata.ResourceVersion(obj) ?? resourceVersion;
        if (type != WatchEventType.Bookmark)
            ApplyChange(type, obj);
        status.MarkInSync();
        return reached;
    }

    private void ApplyChange(WatchEventType type, JsonElement obj)
    {
        var (ns, name) = (ObjectMetadata.Namespace(obj), ObjectMetadata.Name(obj));
        if (ns is null || name is null)
        {
            Skip(obj, "metadata.namespace or metadata.name is missing");
            return;
        }

        PodDefaultSnapshot next;
        try
        {
            next = type == WatchEventType.Deleted ? holder.Current.Without(ns, name) : holder.Current.With(parse(obj));
        }
        catch (Exception e)
        {
            // The object on the server changed into something unusable: serve it as a new LIST would, absent,
            // rather than keep applying a version that no longer exists.
            Skip(obj, SkipReason.Of(e));
            RemoveUnusable(ns, name, obj);
            return;
        }

        publish(next);
        counters.CountApplied();
    }

    private void RemoveUnusable(string ns, string name, JsonElement obj)
    {
        try
        {
            publish(holder.Current.Without(ns, name)); // the same snapshot when it was not there: not published
        }
        catch (Exception e)
        {
            // Not even its removal can be derived: the last good snapshot stays, and later events still apply.
            ClusterSourceLog.SnapshotKept(logger, ObjectMetadata.Describe(obj), SkipReason.Of(e));
        }
    }

    private void Skip(JsonElement obj, string reason)
    {
        counters.CountSkipped();
        ClusterSourceLog.SkippedPodDefault(logger, ObjectMetadata.Describe(obj), ObjectMetadata.ResourceVersion(obj), reason);
    }
}
