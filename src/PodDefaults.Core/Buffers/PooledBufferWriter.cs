using System.Buffers;

namespace PodDefaults.Core.Buffers;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented through <see cref="PooledArrays"/>: the patch and the
/// response are written here, so a steady stream of admissions allocates no new buffers. A buffer that grew past
/// <see cref="PooledArrays.MaxPooledBytes"/> is dropped on <see cref="Clear"/>: one huge answer must not stay.
/// </summary>
public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 4096;

    private byte[] buffer = [];
    private int written;

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, written);

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public int WrittenCount => written;

    /// <summary>The bytes this writer holds on to, written or not.</summary>
    public int Capacity => buffer.Length;

    public void Advance(int count)
    {
        if ((uint)count > (uint)(buffer.Length - written))
            throw new ArgumentOutOfRangeException(nameof(count), "advanced past the end of the buffer");
        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    /// <summary>Forgets what was written, keeping the buffer for the next use unless it is too large to pool.</summary>
    public void Clear()
    {
        if (buffer.Length > PooledArrays.MaxPooledBytes)
            Dispose();
        written = 0;
    }

    /// <summary>Returns the buffer to the pool (or, when too large to pool, to the GC).</summary>
    public void Dispose()
    {
        PooledArrays.Return(buffer);
        buffer = [];
        written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
            return;
        var larger = PooledArrays.Rent(Math.Max(needed, Math.Max(MinimumSize, buffer.Length * 2)));
        buffer.AsSpan(0, written).CopyTo(larger);
        PooledArrays.Return(buffer);
        buffer = larger;
    }
}
