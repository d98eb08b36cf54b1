using System.Buffers;

namespace PodDefaults.Webhook.Server;

/// <summary>A request body read whole into an array rented from the pool; dispose to give it back.</summary>
internal readonly struct RequestBody(byte[]? rented, int length) : IDisposable
{
    /// <summary>The body was larger than the cap; nothing was kept.</summary>
    public bool TooLarge => rented is null;

    public ReadOnlyMemory<byte> Memory => rented.AsMemory(0, length);

    public int Length => length;

    public void Dispose()
    {
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
