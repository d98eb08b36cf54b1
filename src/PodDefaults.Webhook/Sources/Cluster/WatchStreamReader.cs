using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Splits a watch response body into newline-delimited events as bytes arrive. An event may come in many reads
/// (split across TCP writes, or larger than one buffer); it is parsed once its newline is in.
/// </summary>
/// <param name="body">The response body.</param>
/// <param name="maxEventBytes">Longest line kept; a longer one is discarded up to its newline and reported malformed.</param>
/// <param name="idleTimeout">Longest silence accepted between two reads; then <paramref name="deadline"/> is canceled.</param>
/// <param name="deadline">Canceled on silence, which ends the read with <see cref="OperationCanceledException"/>.</param>
public sealed class WatchStreamReader(Stream body, int maxEventBytes, TimeSpan idleTimeout, CancellationTokenSource deadline)
{
    private const byte NewLine = (byte)'\n';

    /// <summary>The lines of the stream until it ends cleanly.</summary>
    /// <exception cref="IOException">The stream broke, or ended in the middle of an event.</exception>
    /// <exception cref="OperationCanceledException">Silence past the idle timeout, or the deadline's owner canceled.</exception>
    public async IAsyncEnumerable<WatchLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        using var link = cancellationToken.Register(static cts => ((CancellationTokenSource)cts!).Cancel(), deadline);
        var discarding = false;
        try
        {
            while (true)
            {
                deadline.CancelAfter(idleTimeout);
                var result = await reader.ReadAsync(deadline.Token).ConfigureAwait(false);
                deadline.CancelAfter(Timeout.InfiniteTimeSpan); // the consumer's time is not the server's silence
                var buffer = result.Buffer;

                while (buffer.PositionOf(NewLine) is { } end)
                {
                    var line = buffer.Slice(0, end);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                    if (discarding)
                    {
                        discarding = false;
                        yield return WatchLine.Malformed($"event longer than {maxEventBytes} bytes");
                    }
                    else if (!IsBlank(line))
                    {
                        yield return WatchLine.Read(line);
                    }
                }

                // No newline in sight: keep buffering, unless the line is already too long to be an event.
                if (discarding || buffer.Length > maxEventBytes)
                {
                    discarding = true;
                    buffer = buffer.Slice(buffer.End);
                }

                if (result.IsCompleted)
                {
                    if (discarding || !IsBlank(buffer))
                        throw new IOException("the watch stream ended in the middle of an event");
                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            if (segment.Span.IndexOfAnyExcept((byte)' ', (byte)'\r', (byte)'\t') >= 0)
                return false;
        }

        return true;
    }
}
