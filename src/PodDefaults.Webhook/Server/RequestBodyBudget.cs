using PodDefaults.Core.Buffers;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// The bytes that request bodies may hold at once, process-wide (<c>--max-body-buffer-bytes</c>). Bodies grow as
/// their bytes arrive, so a connection that announces a large body and stalls holds only what it sent; this bounds
/// what many of them hold together. A buffer up to <see cref="FreeBytes"/> is not counted: reviews are 5 to 50 KB,
/// so they are read even while the budget is spent, and each connection already costs about that much in
/// Kestrel and TLS buffers.
/// </summary>
internal sealed class RequestBodyBudget(long maxBytes)
{
    public const int FreeBytes = 64 * 1024;

    private long held;

    public long MaxBytes => maxBytes;

    /// <summary>The bytes counted against the budget now.</summary>
    public long HeldBytes => Interlocked.Read(ref held);

    /// <summary>A body buffer of at least <paramref name="minimumLength"/> bytes, or null when the budget cannot hold it.</summary>
    public byte[]? TryRent(int minimumLength)
    {
        // Past the pooling limit arrays have exactly the length asked for: count it before allocating.
        if (minimumLength > PooledArrays.MaxPooledBytes)
            return TryTake(minimumLength) ? PooledArrays.Rent(minimumLength) : null;
        var array = PooledArrays.Rent(minimumLength);
        if (TryTake(array.Length))
            return array;
        PooledArrays.Return(array);
        return null;
    }

    /// <summary>Gives back a buffer from <see cref="TryRent"/>.</summary>
    public void Return(byte[] array)
    {
        Give(array.Length);
        PooledArrays.Return(array);
    }

    private bool TryTake(int bytes)
    {
        if (bytes <= FreeBytes)
            return true;
        if (Interlocked.Add(ref held, bytes) <= maxBytes)
            return true;
        Interlocked.Add(ref held, -bytes);
        return false;
    }

    private void Give(int bytes)
    {
        if (bytes > FreeBytes)
            Interlocked.Add(ref held, -bytes);
    }
}
