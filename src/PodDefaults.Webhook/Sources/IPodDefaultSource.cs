namespace PodDefaults.Webhook.Sources;

/// <summary>
/// Where PodDefaults come from (files, or the cluster). A source runs one loop that keeps the
/// <see cref="PodDefaults.Core.Selection.SnapshotHolder"/> current and reports through <see cref="SourceStatus"/>.
/// </summary>
public interface IPodDefaultSource
{
    /// <summary>Runs until cancelled. Failures are retried inside; only a startup error that cannot heal throws.</summary>
    Task RunAsync(CancellationToken cancellation);
}
