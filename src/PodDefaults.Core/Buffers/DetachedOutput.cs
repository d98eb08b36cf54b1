using System.Buffers;

namespace PodDefaults.Core.Buffers;

/// <summary>
/// Where a pooled <see cref="System.Text.Json.Utf8JsonWriter"/> points between uses, so that it does not
/// hold on to the last request's buffer. Resetting it to <c>Stream.Null</c> instead would allocate a new
/// internal buffer writer on every admission. Writing here is a bug, and says so.
/// </summary>
internal sealed class DetachedOutput : IBufferWriter<byte>
{
    public static readonly DetachedOutput Instance = new();

    private DetachedOutput()
    {
    }

    public void Advance(int count) => throw Detached();

    public Memory<byte> GetMemory(int sizeHint = 0) => throw Detached();

    public Span<byte> GetSpan(int sizeHint = 0) => throw Detached();

    private static InvalidOperationException Detached() => new("the JSON writer is not attached to an output");
}
