using System.Globalization;

namespace PodDefaults.ApiServerStandIn;

/// <summary>
/// WATCH: replays the history after the asked resourceVersion, then streams changes as newline-delimited JSON
/// events, flushing each, until <c>timeoutSeconds</c> (then ends cleanly) or the server stops (then cuts).
/// </summary>
public sealed class WatchHandler(ObjectStore store, StandInOptions options, EventWriteFaults faults)
{
    public async Task HandleAsync(HttpContext context, CancellationToken serverStopping)
    {
        var query = context.Request.Query;
        var from = long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : store.ResourceVersion;
        var bookmarks = query["allowWatchBookmarks"] == "true" || query["allowWatchBookmarks"] == "1";
        var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);

        var watch = store.Watch(from, bookmarks);
        if (watch is null)
        {
            await ExpiredAsync(context, $"too old resource version: {from} ({store.CompactedThrough})");
            return;
        }

        try
        {
            await StartStreamAsync(context);
            using var open = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
            open.CancelAfter(timeout);
            while (true)
            {
                WatchMessage message;
                try
                {
                    message = await watch.Reader.ReadAsync(open.Token);
                }
                catch (OperationCanceledException)
                {
                    if (serverStopping.IsCancellationRequested)
                        context.Abort();
                    return; // at the timeout: the response ends cleanly
                }

                if (message is WatchMessage.End)
                    return;
                if (message is WatchMessage.Drop || (message is WatchMessage.Line line && !await WriteLineAsync(context, line, open.Token)))
                {
                    context.Abort();
                    return;
                }
            }
        }
        finally
        {
            store.Unwatch(watch);
        }
    }

    private async Task ExpiredAsync(HttpContext context, string message)
    {
        if (options.ExpiredWatchAsHttpStatus)
        {
            await StandInApiServer.WriteStatusAsync(context, 410, message);
            return;
        }

        // What the watch cache does: 200, then one ERROR event with the 410 Status, then the end.
        await StartStreamAsync(context);
        await context.Response.Body.WriteAsync(WireJson.ErrorLine(410, "Expired", message));
    }

    private static async Task StartStreamAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
    }

    /// <returns>False when the connection is to be cut.</returns>
    private async Task<bool> WriteLineAsync(HttpContext context, WatchMessage.Line line, CancellationToken cancellationToken)
    {
        var body = context.Response.Body;
        if (line.IsBookmark || !faults.TryTake(out var fault))
        {
            await body.WriteAsync(line.Bytes, cancellationToken);
            await body.FlushAsync(cancellationToken);
            return true;
        }

        var cut = EventWriteFaults.SplitPoint(line.Bytes);
        await body.WriteAsync(line.Bytes.AsMemory(0, cut), cancellationToken);
        await body.FlushAsync(cancellationToken);
        if (fault.Drop)
            return false;
        await Task.Delay(fault.Delay, cancellationToken);
        await body.WriteAsync(line.Bytes.AsMemory(cut), cancellationToken);
        await body.FlushAsync(cancellationToken);
        return true;
    }
}
