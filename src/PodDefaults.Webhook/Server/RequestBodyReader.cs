using System.Buffers;
using System.IO.Pipelines;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// Reads a request body from its <see cref="PipeReader"/> into one contiguous pooled array, up to a cap.
/// Every segment is consumed as soon as it is copied, so the transport never pauses on a large body.
/// </summary>
internal static class RequestBodyReader
{
    private const int InitialSize = 16 * 1024;

    public static async ValueTask<RequestBody> ReadAsync(PipeReader reader, long? contentLength, int maxBytes, CancellationToken cancellation)
    {
        if (contentLength > maxBytes)
            return new RequestBody(null, 0);

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(contentLength ?? InitialSize, 1, maxBytes));
        var length = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellation);
                if (length + result.Buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(result.Buffer.End);
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new RequestBody(null, 0);
                }
                buffer = EnsureCapacity(buffer, length, length + (int)result.Buffer.Length);
                result.Buffer.CopyTo(buffer.AsSpan(length));
                length += (int)result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                    return new RequestBody(buffer, length);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] EnsureCapacity(byte[] buffer, int used, int needed)
    {
        if (needed <= buffer.Length)
            return buffer;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
