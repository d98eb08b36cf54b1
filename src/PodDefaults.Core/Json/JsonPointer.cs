namespace PodDefaults.Core.Json;

/// <summary>RFC 6901 escaping of one reference token: <c>~</c> becomes <c>~0</c>, <c>/</c> becomes <c>~1</c>.</summary>
public static class JsonPointer
{
    public static int EscapedLength(ReadOnlySpan<byte> token)
    {
        var length = token.Length;
        foreach (var b in token)
        {
            if (b is (byte)'~' or (byte)'/')
                length++;
        }
        return length;
    }

    public static int WriteEscaped(ReadOnlySpan<byte> token, Span<byte> destination)
    {
        var at = 0;
        foreach (var b in token)
        {
            switch (b)
            {
                case (byte)'~':
                    destination[at++] = (byte)'~';
                    destination[at++] = (byte)'0';
                    break;
                case (byte)'/':
                    destination[at++] = (byte)'~';
                    destination[at++] = (byte)'1';
                    break;
                default:
                    destination[at++] = b;
                    break;
            }
        }
        return at;
    }
}
