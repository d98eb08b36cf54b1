using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>Unescapes the raw bytes of a JSON string token (the rare case: most strings have no escapes).</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// Whether the escapes stand for text: a lone surrogate (<c>\ud800</c>) is valid JSON syntax but no text,
    /// and would fail every later attempt to read the string.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> escaped)
    {
        Span<byte> scratch = escaped.Length <= 256 ? stackalloc byte[escaped.Length] : new byte[escaped.Length];
        return Unescape(escaped, scratch, out _);
    }

    public static bool Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination, out int written)
    {
        // Let the framework's reader do the unescaping: wrap the token in quotes and read it back.
        Span<byte> quoted = escaped.Length + 2 <= 512 ? stackalloc byte[escaped.Length + 2] : new byte[escaped.Length + 2];
        quoted[0] = (byte)'"';
        escaped.CopyTo(quoted[1..]);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        written = 0;
        try
        {
            if (!reader.Read() || destination.Length < reader.ValueSpan.Length)
                return false;
            written = reader.CopyString(destination);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
