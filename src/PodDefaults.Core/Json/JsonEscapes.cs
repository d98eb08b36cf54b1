using System.Globalization;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>Unescapes the raw bytes of a JSON string token (the rare case: most strings have no escapes).</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// Whether the escapes stand for text: a lone surrogate (<c>\ud800</c>) is valid JSON syntax but no text,
    /// and would fail every later attempt to read the string. Checked in place: the escapes are well formed
    /// (the scanner or a reader checked them), so only the <c>\u</c> surrogates are left to pair.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> escaped)
    {
        var at = escaped.IndexOf((byte)'\\');
        while (at >= 0 && at + 1 < escaped.Length)
        {
            if (escaped[at + 1] != (byte)'u')
            {
                at += 2;
            }
            else
            {
                if (!TryUnit(escaped, at, out var unit))
                    return false;
                at += 6;
                if (char.IsLowSurrogate((char)unit))
                    return false;
                if (char.IsHighSurrogate((char)unit))
                {
                    if (!TryUnit(escaped, at, out var low) || !char.IsLowSurrogate((char)low))
                        return false;
                    at += 6;
                }
            }
            var next = escaped[at..].IndexOf((byte)'\\');
            at = next < 0 ? -1 : at + next;
        }
        return at < 0;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, if one is there.</summary>
    private static bool TryUnit(ReadOnlySpan<byte> escaped, int at, out ushort unit)
    {
        unit = 0;
        // Hex digits only: AllowHexSpecifier takes no sign, prefix or whitespace.
        return at + 6 <= escaped.Length && escaped[at] == (byte)'\\' && escaped[at + 1] == (byte)'u'
            && ushort.TryParse(escaped.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out unit);
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
