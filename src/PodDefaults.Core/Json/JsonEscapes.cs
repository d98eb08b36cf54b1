using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>Unescapes the raw bytes of a JSON string token (the rare case: most strings have no escapes).</summary>
internal static class JsonEscapes
{
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
