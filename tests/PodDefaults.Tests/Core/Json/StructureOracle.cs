namespace PodDefaults.Tests.Core.Json;

/// <summary>
/// What docs/semantics.md §2 asks of every byte of a body, checked the plain way, byte by byte: valid
/// UTF-8, strings that end, escapes that are well formed, no control character in a string, brackets that
/// balance and match within 256 levels, one top-level value and nothing but whitespace after it. Scalars
/// and separators are not looked at. The reference for the scanner and for the differential test.
/// </summary>
internal static class StructureOracle
{
    public static bool IsSound(byte[] json)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(json);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var open = new Stack<byte>();
        var at = 0;
        var sawValue = false;
        while (at < json.Length)
        {
            var b = json[at];
            if (open.Count == 0 && sawValue && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false; // a second top-level value
            switch (b)
            {
                case (byte)'"':
                    at = SkipString(json, at + 1);
                    if (at < 0)
                        return false;
                    sawValue |= open.Count == 0;
                    continue;
                case (byte)'{' or (byte)'[':
                    if (open.Count == 256)
                        return false;
                    open.Push(b == (byte)'{' ? (byte)'}' : (byte)']');
                    break;
                case (byte)'}' or (byte)']':
                    if (open.Count == 0 || open.Pop() != b)
                        return false;
                    sawValue |= open.Count == 0;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                default:
                    if (open.Count == 0)
                    {
                        // A top-level scalar: runs to whitespace or a byte of structure, and is not empty.
                        var start = at;
                        while (at < json.Length && !" \t\r\n,:{}[]\""u8.Contains(json[at]))
                            at++;
                        if (at == start)
                            return false;
                        sawValue = true;
                        continue;
                    }
                    break;
            }
            at++;
        }
        return open.Count == 0 && sawValue;
    }

    /// <summary>The index after the closing quote, or -1.</summary>
    private static int SkipString(byte[] json, int at)
    {
        while (at < json.Length)
        {
            var b = json[at];
            if (b == (byte)'"')
                return at + 1;
            if (b < 0x20)
                return -1;
            if (b == (byte)'\\')
            {
                if (at + 1 >= json.Length)
                    return -1;
                var e = json[at + 1];
                if (e == (byte)'u')
                {
                    if (at + 5 >= json.Length)
                        return -1;
                    for (var i = 2; i <= 5; i++)
                    {
                        if (!Uri.IsHexDigit((char)json[at + i]))
                            return -1;
                    }
                    at += 6;
                    continue;
                }
                if (!"\"\\/bfnrt"u8.Contains(e))
                    return -1;
                at += 2;
                continue;
            }
            at++;
        }
        return -1;
    }
}
