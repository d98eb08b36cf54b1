using System.Text;

namespace PodDefaults.Core.Json;

/// <summary>Decodes a JSON string of the request into a caller's char buffer, for lookups that take chars.</summary>
public static class Utf8Chars
{
    /// <summary>False when the text does not fit the buffer (then it cannot be a valid label or namespace).</summary>
    public static bool TryDecode(JsonString text, ReadOnlySpan<byte> source, Span<char> buffer, out ReadOnlySpan<char> chars)
    {
        chars = default;
        if (!text.IsPresent || text.Length > buffer.Length)
            return false;
        Span<byte> unescaped = stackalloc byte[text.Length];
        var length = text.CopyUnescaped(source, unescaped);
        if (!Encoding.UTF8.TryGetChars(unescaped[..length], buffer, out var written))
            return false;
        chars = buffer[..written];
        return true;
    }
}
