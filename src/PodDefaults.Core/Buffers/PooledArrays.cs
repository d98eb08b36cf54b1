using System.Buffers;

namespace PodDefaults.Core.Buffers;

/// <summary>
/// The one rule for every pooled byte buffer (request bodies, <see cref="PooledBufferWriter"/>, the response pool):
/// arrays up to <see cref="MaxPooledBytes"/> come from and go back to <see cref="ArrayPool{T}.Shared"/>; larger
/// ones are allocated for the request and left to the GC. <c>ArrayPool.Shared</c> keeps arrays up to 1 GiB,
/// so one 90 MB response or 4 MiB body would otherwise stay in the process for good, once per core.
/// </summary>
public static class PooledArrays
{
    /// <summary>Ten times the largest reviews seen in practice (5 to 50 KB), and 1/190 of the Deployment's memory limit.</summary>
    public const int MaxPooledBytes = 1024 * 1024;

    /// <summary>An array of at least <paramref name="minimumLength"/> bytes; from the pool only when it may go back to it.</summary>
    public static byte[] Rent(int minimumLength) =>
        minimumLength <= MaxPooledBytes
            ? ArrayPool<byte>.Shared.Rent(minimumLength)
            : GC.AllocateUninitializedArray<byte>(minimumLength);

    /// <summary>Gives <paramref name="array"/> back: to the pool when it is small enough, else to nobody.</summary>
    public static void Return(byte[] array)
    {
        if (array.Length is > 0 and <= MaxPooledBytes)
            ArrayPool<byte>.Shared.Return(array);
    }
}
