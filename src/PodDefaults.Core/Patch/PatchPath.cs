using System.Buffers.Text;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Patch;

/// <summary>Builds a JSON Pointer for a patch operation in a caller's buffer, escaping keys per RFC 6901.</summary>
public ref struct PatchPath
{
    private readonly Span<byte> buffer;
    private int length;

    public PatchPath(Span<byte> buffer) => this.buffer = buffer;

    public readonly ReadOnlySpan<byte> Value => buffer[..length];

    public PatchPath Append(ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(buffer[length..]);
        length += literal.Length;
        return this;
    }

    public PatchPath AppendIndex(int index)
    {
        buffer[length++] = (byte)'/';
        Utf8Formatter.TryFormat(index, buffer[length..], out var written);
        length += written;
        return this;
    }

    /// <summary>Appends <c>/</c> and the escaped key (<c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>).</summary>
    public PatchPath AppendKey(ReadOnlySpan<byte> key)
    {
        buffer[length++] = (byte)'/';
        length += JsonPointer.WriteEscaped(key, buffer[length..]);
        return this;
    }

    /// <summary>The buffer size a path of this prefix and key needs.</summary>
    public static int SizeFor(int prefixLength, ReadOnlySpan<byte> key) => prefixLength + 1 + JsonPointer.EscapedLength(key);
}
