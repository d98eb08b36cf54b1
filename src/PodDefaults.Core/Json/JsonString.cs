using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PodDefaults.Core.Buffers;

namespace PodDefaults.Core.Json;

/// <summary>A JSON string token inside a UTF-8 buffer: the bytes between the quotes, possibly escaped.</summary>
public readonly record struct JsonString(int Start, int Length, bool Escaped)
{
    public static readonly JsonString None = new(0, -1, false);

    public bool IsPresent => Length >= 0;

    /// <summary>Captures the string (or property name) the reader is positioned on.</summary>
    /// <param name="offset">Where the reader's input starts in the buffer the string is kept against.</param>
    public static JsonString At(ref Utf8JsonReader reader, int offset = 0)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            throw new JsonException($"expected a string, found {reader.TokenType}");
        // Checked once here, so that reading the text later (a name, a namespace, the uid) cannot fail.
        if (reader.ValueIsEscaped && !JsonEscapes.IsValid(reader.ValueSpan))
            throw new JsonException($"the string \"{Encoding.UTF8.GetString(reader.ValueSpan)}\" holds an escape that is no text (a lone surrogate)");
        // A string token's value starts right after its opening quote.
        return new JsonString(offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
    }

    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> source) => source.Slice(Start, Length);

    /// <summary>Compares the unescaped text with <paramref name="utf8"/>, without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TextEquals(ReadOnlySpan<byte> source, ReadOnlySpan<byte> utf8)
    {
        if (!IsPresent)
            return false;
        // The usual case compares bytes; the escaped one is kept out of line (its scratch buffer costs every call).
        return Escaped ? EscapedTextEquals(source, utf8) : Length == utf8.Length && source.Slice(Start, Length).SequenceEqual(utf8);
    }

    /// <summary>Whether two strings of the same buffer hold the same text (escaped or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TextEquals(ReadOnlySpan<byte> source, JsonString other) =>
        !Escaped && !other.Escaped
            ? Length == other.Length && source.Slice(Start, Length).SequenceEqual(source.Slice(other.Start, other.Length))
            : EscapedTextEquals(source, other);

    private bool EscapedTextEquals(ReadOnlySpan<byte> source, ReadOnlySpan<byte> utf8)
    {
        Span<byte> scratch = Length <= 256 ? stackalloc byte[Length] : new byte[Length];
        return JsonEscapes.Unescape(Raw(source), scratch, out var written) && scratch[..written].SequenceEqual(utf8);
    }

    private bool EscapedTextEquals(ReadOnlySpan<byte> source, JsonString other)
    {
        Span<byte> scratch = Length <= 256 ? stackalloc byte[Length] : new byte[Length];
        return JsonEscapes.Unescape(Raw(source), scratch, out var written) && other.TextEquals(source, scratch[..written]);
    }

    /// <summary>Writes the unescaped UTF-8 text into <paramref name="destination"/>; it must hold <see cref="Length"/> bytes.</summary>
    public int CopyUnescaped(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!Escaped)
        {
            Raw(source).CopyTo(destination);
            return Length;
        }
        return JsonEscapes.Unescape(Raw(source), destination, out var written) ? written : throw new JsonException("invalid escape in string");
    }

    public string ToString(ReadOnlySpan<byte> source)
    {
        if (!IsPresent)
            return string.Empty;
        if (!Escaped)
            return Encoding.UTF8.GetString(Raw(source));
        var rented = PooledArrays.Rent(Length);
        try
        {
            return Encoding.UTF8.GetString(rented, 0, CopyUnescaped(source, rented));
        }
        finally
        {
            PooledArrays.Return(rented);
        }
    }
}
