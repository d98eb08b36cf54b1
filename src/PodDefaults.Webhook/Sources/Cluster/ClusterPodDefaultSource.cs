using System.Diagnostics;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Keeps the snapshot in step with the cluster's PodDefaults: one LIST, then a WATCH from its resourceVersion,
/// resumed from the last version seen whenever it ends, and a new LIST only when that version expired (410).
/// Failures are retried with backoff forever; meanwhile the last snapshot keeps serving (docs/semantics.md §9).
/// </summary>
/// <remarks>The only writer of <see cref="SnapshotHolder"/>; run one <see cref="RunAsync"/> per holder.</remarks>
public sealed class ClusterPodDefaultSource : IPodDefaultSource
{
    private readonly SnapshotHolder holder;
    private readonly SourceStatus status;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly PodDefaultLister lister;
    private readonly PodDefaultWatch watch;
    private readonly WatchEventApplier applier;
    private readonly Backoff backoff;

    public ClusterPodDefaultSource(
        KubernetesConnection connection,
        SnapshotHolder holder,
        SourceStatus status,
        ILogger<ClusterPodDefaultSource> logger,
        TimeProvider time,
        ClusterSourceOptions? options = null)
    {
        options ??= new ClusterSourceOptions();
        (this.holder, this.status, this.logger, this.time) = (holder, status, logger, time);
        lister = new PodDefaultLister(connection, options, time, logger);
        watch = new PodDefaultWatch(connection, options, time);
        applier = new WatchEventApplier(holder, Publish, status, Counters, logger, options.ParsePodDefault);
        backoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
    }

    public ClusterSourceCounters Counters { get; } = new();

    /// <summary>The resourceVersion the snapshot is at; null before the first LIST and while relisting.</summary>
    public string? ResourceVersion => Volatile.Read(ref resourceVersion);

    /// <summary>Raised on the source's loop after each publish, with the snapshot now current.</summary>
    public event Action<PodDefaultSnapshot>? SnapshotPublished;

    private string? resourceVersion;

    /// <summary>Runs until <paramref name="stopping"/> is canceled, then returns; never fails.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await LoopAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopping: a request that failed meanwhile (a 401 that came back after the cancel) no longer matters,
            // and must not make the host exit with an error.
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        var listedOnce = false;
        var resuming = false;
        while (!stopping.IsCancellationRequested)
        {
            var operation = "list";
            var lines = 0;
            Activity? span = null;
            try
            {
                if (resourceVersion is null)
                {
                    span = SourceTelemetry.StartList(relist: listedOnce);
                    var count = await ListAsync(first: !listedOnce, stopping).ConfigureAwait(false);
                    SourceTelemetry.Listed(span, count, resourceVersion!);
                    (listedOnce, resuming) = (true, false);
                }

                operation = "watch";
                if (resuming)
                    Counters.CountWatchRestart();
                span = SourceTelemetry.StartWatch(resourceVersion!, resumed: resuming);
                resuming = true;
                var timeout = watch.ChooseTimeout();
                var opened = time.GetTimestamp();
                await foreach (var line in watch.WatchAsync(resourceVersion!, timeout, stopping).ConfigureAwait(false))
                {
                    Volatile.Write(ref resourceVersion, applier.Apply(line, resourceVersion!));
                    if (lines++ == 0)
                        backoff.Reset();
                }

                // The server closed the watch. Normal at its timeout, or after events; a watch that closes at once
                // with nothing to say is a server in trouble, and reconnecting without pause would hammer it.
                var quick = lines == 0 && time.GetElapsedTime(opened) < timeout;
                var delay = quick ? backoff.NextDelay() : TimeSpan.Zero;
                SourceTelemetry.WatchEnded(span, lines);
                ClusterSourceLog.WatchEnded(logger, lines, resourceVersion!, delay);
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsExpired && resourceVersion is not null)
            {
                SourceTelemetry.Failed(span, "expired");
                ClusterSourceLog.Relisting(logger, resourceVersion, e.Message);
                Volatile.Write(ref resourceVersion, null);
                // A watch that expires before it delivered anything would otherwise relist in a tight loop.
                if (lines == 0)
                    await Task.Delay(backoff.NextDelay(), time, stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                SourceTelemetry.Failed(span, Describe(e));
                await RetryAfterAsync(operation, e, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <returns>The number of PodDefaults listed.</returns>
    private async Task<int> ListAsync(bool first, CancellationToken stopping)
    {
        var list = await lister.ListAsync(stopping).ConfigureAwait(false);
        var skipped = list.Skipped;
        var snapshot = ListSnapshot.Build(holder.Current, list.Items, (podDefault, failure) =>
        {
            skipped++;
            ClusterSourceLog.SkippedPodDefault(logger, $"{podDefault.Namespace}/{podDefault.Name}", podDefault.ResourceVersion, SkipReason.Of(failure));
        });
        // One swap from the old state to the new: never empty in between, never half of each.
        Publish(snapshot);
        Volatile.Write(ref resourceVersion, list.ResourceVersion);
        status.MarkInSync();
        backoff.Reset();
        Counters.CountList(first, skipped);
        ClusterSourceLog.Listed(logger, snapshot.Count, list.ResourceVersion, skipped, holder.Current.Generation);
        return snapshot.Count;
    }

    private async Task RetryAfterAsync(string operation, Exception failure, CancellationToken stopping)
    {
        Counters.CountFailure();
        var delay = backoff.NextDelay();
        var reason = Describe(failure);
        if (status.IsReady)
        {
            var current = holder.Current;
            ClusterSourceLog.RetryingWhileServing(logger, operation, reason, current.Generation, current.Count, status.Staleness, delay);
        }
        else
        {
            ClusterSourceLog.RetryingBeforeReady(logger, operation, reason, delay);
        }

        await Task.Delay(delay, time, stopping).ConfigureAwait(false);
    }

    private static string Describe(Exception failure) => failure switch
    {
        OperationCanceledException => "no answer within the timeout",
        _ when failure.InnerException is { } inner => $"{failure.Message} ({inner.Message})",
        _ => failure.Message,
    };

    private void Publish(PodDefaultSnapshot snapshot)
    {
        if (ReferenceEquals(snapshot, holder.Current))
            return;
        holder.Publish(snapshot);
        SnapshotPublished?.Invoke(snapshot);
    }
}
