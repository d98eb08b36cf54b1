
namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>Everything the cluster source logs, source-generated (no boxing, no reflection).</summary>
internal static partial class ClusterSourceLog
{
    [LoggerMessage(EventId = LogEvents.ClusterListed, Level = LogLevel.Information,
        Message = "Listed {Count} PodDefaults at resourceVersion {ResourceVersion} ({Skipped} skipped); serving snapshot generation {Generation}")]
    public static partial void Listed(ILogger logger, int count, string resourceVersion, int skipped, long generation);

    [LoggerMessage(EventId = LogEvents.ClusterRelisting, Level = LogLevel.Warning,
        Message = "Watch from resourceVersion {ResourceVersion} expired ({Reason}); relisting")]
    public static partial void Relisting(ILogger logger, string resourceVersion, string reason);

    [LoggerMessage(EventId = LogEvents.ClusterContinueExpired, Level = LogLevel.Information,
        Message = "LIST continue token expired ({Reason}); listing again in one page")]
    public static partial void ContinueExpired(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.ClusterSkippedPodDefault, Level = LogLevel.Warning,
        Message = "Skipped PodDefault {Object} (resourceVersion {ResourceVersion}): {Reason}")]
    public static partial void SkippedPodDefault(ILogger logger, string @object, string? resourceVersion, string reason);

    [LoggerMessage(EventId = LogEvents.ClusterSkippedWatchLine, Level = LogLevel.Warning, Message = "Skipped a watch line: {Reason}")]
    public static partial void SkippedLine(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.ClusterRetryingWhileServing, Level = LogLevel.Warning,
        Message = "Cluster {Operation} failed: {Reason}. Serving snapshot generation {Generation} ({Count} PodDefaults), in sync {Staleness} ago; retrying in {Delay}")]
    public static partial void RetryingWhileServing(ILogger logger, string operation, string reason, long generation, int count, TimeSpan staleness, TimeSpan delay);

    [LoggerMessage(EventId = LogEvents.ClusterRetryingBeforeReady, Level = LogLevel.Warning,
        Message = "Cluster {Operation} failed: {Reason}. Not ready: no complete LIST yet; retrying in {Delay}")]
    public static partial void RetryingBeforeReady(ILogger logger, string operation, string reason, TimeSpan delay);

    [LoggerMessage(EventId = LogEvents.ClusterWatchEnded, Level = LogLevel.Debug,
        Message = "Watch ended after {Events} lines; resuming from resourceVersion {ResourceVersion} in {Delay}")]
    public static partial void WatchEnded(ILogger logger, int events, string resourceVersion, TimeSpan delay);

    [LoggerMessage(EventId = LogEvents.ClusterSnapshotKept, Level = LogLevel.Error,
        Message = "Could not remove PodDefault {Object} from the snapshot ({Reason}); keeping the last good snapshot")]
    public static partial void SnapshotKept(ILogger logger, string @object, string reason);
}
