using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.ObjectPool;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// Reads a request body from its <see cref="PipeReader"/> into one contiguous buffer, up to a cap and a deadline.
/// The buffer grows as bytes arrive (at most doubling), never to the announced Content-Length before the bytes are
/// there, and every buffer over <see cref="RequestBodyBudget.FreeBytes"/> is counted against the process-wide budget.
/// Every segment is consumed as soon as it is copied, so the transport never pauses on a large body.
/// </summary>
internal static class RequestBodyReader
{
    private const int InitialSize = 16 * 1024;

    /// <summary>
    /// The deadlines of reads that had to wait, reused: most reviews arrive in more than one read, and a linked source
    /// with its own timer for each was most of what a request allocated (300 of 490 bytes, docs/performance.md).
    /// </summary>
    private static readonly ObjectPool<CancellationTokenSource> Deadlines =
        new DefaultObjectPool<CancellationTokenSource>(new DeadlinePolicy(), maximumRetained: 1024);

    /// <param name="timeout">From the first wait for bytes: the API server sends the whole body at once.</param>
    public static async ValueTask<RequestBody> ReadAsync(PipeReader reader, long? contentLength, int maxBytes, TimeSpan timeout,
        RequestBodyBudget budget, CancellationToken aborted)
    {
        if (contentLength > maxBytes)
            return RequestBody.NotRead(RequestBodyStatus.TooLarge);

        // Grown to at most what the body announced (or the cap); a body that outgrows its Content-Length is Kestrel's 400.
        var limit = (int)Math.Min(contentLength ?? maxBytes, maxBytes);
        byte[] buffer = [];
        var length = 0;
        CancellationTokenSource? deadline = null;
        CancellationTokenRegistration abortion = default;
        try
        {
            while (true)
            {
                // Many bodies are already there: no timer for them.
                if (!reader.TryRead(out var result))
                {
                    if (deadline is null)
                    {
                        deadline = Deadlines.Get();
                        deadline.CancelAfter(timeout);
                        abortion = aborted.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline);
                    }
                    try
                    {
                        result = await reader.ReadAsync(deadline.Token);
                    }
                    catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
                    {
                        Release(budget, buffer);
                        return RequestBody.NotRead(RequestBodyStatus.TimedOut);
                    }
                }
                var received = result.Buffer.Length;
                if (length + received > maxBytes)
                {
                    reader.AdvanceTo(result.Buffer.End);
                    Release(budget, buffer);
                    return RequestBody.NotRead(RequestBodyStatus.TooLarge);
                }
                var needed = length + (int)received;
                if (needed > buffer.Length)
                {
                    var size = Math.Clamp(Math.Max(buffer.Length * 2, InitialSize), needed, Math.Max(needed, limit));
                    if (budget.TryRent(size) is not { } larger)
                    {
                        reader.AdvanceTo(result.Buffer.End);
                        Release(budget, buffer);
                        return RequestBody.NotRead(RequestBodyStatus.OverBudget);
                    }
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Release(budget, buffer);
                    buffer = larger;
                }
                result.Buffer.CopyTo(buffer.AsSpan(length));
                length = needed;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                    return new RequestBody(buffer, length, budget);
            }
        }
        catch
        {
            Release(budget, buffer);
            throw;
        }
        finally
        {
            abortion.Dispose();
            if (deadline is not null)
                Deadlines.Return(deadline);
        }
    }

    private static void Release(RequestBodyBudget budget, byte[] buffer)
    {
        if (buffer.Length > 0)
            budget.Return(buffer);
    }

    /// <summary>A source that fired (the body timed out or the request was aborted) is dropped; any other is reset and kept.</summary>
    private sealed class DeadlinePolicy : IPooledObjectPolicy<CancellationTokenSource>
    {
        public CancellationTokenSource Create() => new();

        public bool Return(CancellationTokenSource deadline) => deadline.TryReset();
    }
}
