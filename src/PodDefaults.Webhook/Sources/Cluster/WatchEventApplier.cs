using Microsoft.Extensions.Logging;
using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>Turns each watch line into the next snapshot, one publish per event.</summary>
internal sealed class WatchEventApplier(
    SnapshotHolder holder,
    Action<PodDefaultSnapshot> publish,
    SourceStatus status,
    ClusterSourceCounters counters,
    ILogger logger)
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

        var (type, obj) = (line.Event.Type, line.Event.Object);
        if (type == WatchEventType.Error)
            throw KubernetesApiException.FromStatus(obj, "watch");

        var reached = ObjectMetadata.ResourceVersion(obj) ?? resourceVersion;
        if (type != WatchEventType.Bookmark)
            ApplyChange(type, obj);
        status.MarkInSync();
        return reached;
    }

    private void ApplyChange(WatchEventType type, System.Text.Json.JsonElement obj)
    {
        var (ns, name) = (ObjectMetadata.Namespace(obj), ObjectMetadata.Name(obj));
        if (ns is null || name is null)
        {
            Skip(obj, "metadata.namespace or metadata.name is missing");
            return;
        }

        if (type == WatchEventType.Deleted)
        {
            Publish(holder.Current.Without(ns, name));
            return;
        }

        try
        {
            Publish(holder.Current.With(PodDefaultParser.Parse(obj)));
        }
        catch (PodDefaultFormatException e)
        {
            // The object on the server changed into something unusable: serve it as a new LIST would, absent,
            // rather than keep applying a version that no longer exists.
            Skip(obj, e.Message);
            publish(holder.Current.Without(ns, name)); // the same snapshot when it was not there: not published
        }
    }

    private void Publish(PodDefaultSnapshot snapshot)
    {
        publish(snapshot);
        counters.CountApplied();
    }

    private void Skip(System.Text.Json.JsonElement obj, string reason)
    {
        counters.CountSkipped();
        ClusterSourceLog.SkippedPodDefault(logger, ObjectMetadata.Describe(obj), ObjectMetadata.ResourceVersion(obj), reason);
    }
}
