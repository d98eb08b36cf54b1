using System.Threading.Channels;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>A read-only stream that hands out exactly the chunks it is given, one per read, as a socket might.</summary>
public sealed class ChunkedStream : Stream
{
    private readonly Channel<byte[]> chunks = Channel.CreateUnbounded<byte[]>();
    private ReadOnlyMemory<byte> current;

    public static ChunkedStream Of(params byte[][] parts)
    {
        var stream = new ChunkedStream();
        foreach (var part in parts)
            stream.Write(part);
        stream.End();
        return stream;
    }

    public void Write(byte[] chunk) => chunks.Writer.TryWrite(chunk);

    /// <summary>No more chunks: reads return 0 (the response ended).</summary>
    public void End() => chunks.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (current.IsEmpty)
        {
            if (!await chunks.Reader.WaitToReadAsync(cancellationToken))
                return 0;
            current = await chunks.Reader.ReadAsync(cancellationToken);
        }

        var count = Math.Min(buffer.Length, current.Length);
        current[..count].CopyTo(buffer);
        current = current[count..];
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
