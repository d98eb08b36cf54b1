using System.Buffers;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// Skips JSON values the webhook never reads, checking only what SEMANTICS.md section 2 asks of skipped
/// bytes: brackets balance and match, strings end, escapes are well formed, nesting stays within
/// <see cref="JsonLimits.MaxDepth"/>. Scalars are not parsed. UTF-8 validity is checked once for the whole
/// body (<see cref="CheckUtf8"/>), so the scan itself only looks for ASCII bytes.
/// </summary>
/// <remarks>
/// The scan jumps from one byte that matters to the next with <see cref="SearchValues{T}"/>, which the
/// runtime vectorizes with whatever the CPU has (AVX-512, AVX2, SSE, AdvSimd) and does byte by byte
/// without SIMD; the tests run it with each of them switched off.
/// </remarks>
public static class JsonScanner
{
    /// <summary>Outside strings: where a string starts or nesting changes.</summary>
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>Inside a string: its end, an escape, or a control character (which JSON forbids there).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    /// <summary>What ends a scalar: a separator, a closing bracket or whitespace.</summary>
    private static readonly SearchValues<byte> ScalarEnds = SearchValues.Create(",:}]{[\" \t\r\n"u8);

    /// <exception cref="JsonException">The body is not UTF-8.</exception>
    public static void CheckUtf8(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw new JsonException("the body is not valid UTF-8");
    }

    /// <summary>Skips the value that starts at <paramref name="at"/> (no whitespace before it).</summary>
    /// <param name="depth">How deep the value already is: the limit counts from the top of the body.</param>
    /// <returns>The index just past the value.</returns>
    /// <exception cref="JsonException">The value's structure is broken.</exception>
    public static int SkipValue(ReadOnlySpan<byte> json, int at, int depth)
    {
        if (at >= json.Length)
            throw new JsonException("unexpected end of JSON");
        return json[at] switch
        {
            (byte)'"' => SkipString(json, at + 1, out _),
            (byte)'{' or (byte)'[' => SkipNested(json, at, depth),
            _ => SkipScalar(json, at),
        };
    }

    /// <summary>Skips the rest of a string whose opening quote is just before <paramref name="at"/>.</summary>
    /// <returns>The index just past the closing quote.</returns>
    public static int SkipString(ReadOnlySpan<byte> json, int at, out bool escaped)
    {
        escaped = false;
        while (true)
        {
            var next = json[at..].IndexOfAny(StringStops);
            if (next < 0)
                throw new JsonException("a string does not end");
            at += next;
            switch (json[at])
            {
                case (byte)'"':
                    return at + 1;
                case (byte)'\\':
                    escaped = true;
                    at = SkipEscape(json, at + 1);
                    break;
                default:
                    throw new JsonException($"a string holds the control character 0x{json[at]:x2}, which must be escaped");
            }
        }
    }

    /// <summary>Checks the escape whose backslash is just before <paramref name="at"/>; returns the index after it.</summary>
    private static int SkipEscape(ReadOnlySpan<byte> json, int at)
    {
        if (at >= json.Length)
            throw new JsonException("a string does not end");
        switch (json[at])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return at + 1;
            case (byte)'u':
                if (at + 4 >= json.Length)
                    throw new JsonException("a string does not end");
                for (var i = 1; i <= 4; i++)
                {
                    if (!char.IsAsciiHexDigit((char)json[at + i]))
                        throw new JsonException("a \\u escape needs four hex digits");
                }
                return at + 5;
            default:
                throw new JsonException($"'\\{(char)json[at]}' is not a JSON escape");
        }
    }

    private static int SkipNested(ReadOnlySpan<byte> json, int at, int depth)
    {
        // The closing bracket each open level waits for.
        Span<byte> closers = stackalloc byte[JsonLimits.MaxDepth];
        var level = 0;
        while (true)
        {
            var current = json[at];
            switch (current)
            {
                case (byte)'"':
                    at = SkipString(json, at + 1, out _);
                    break;
                case (byte)'{' or (byte)'[':
                    if (depth + level >= JsonLimits.MaxDepth)
                        throw new JsonException($"the JSON nests deeper than {JsonLimits.MaxDepth} levels");
                    closers[level++] = current == (byte)'{' ? (byte)'}' : (byte)']';
                    at++;
                    break;
                default: // } or ]
                    if (closers[--level] != current)
                        throw new JsonException($"'{(char)current}' closes a {(closers[level] == (byte)'}' ? "'{'" : "'['")}");
                    at++;
                    if (level == 0)
                        return at;
                    break;
            }
            var next = json[at..].IndexOfAny(Structure);
            if (next < 0)
                throw new JsonException("unexpected end of JSON: a bracket is not closed");
            at += next;
        }
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int at)
    {
        var length = json[at..].IndexOfAny(ScalarEnds);
        if (length == 0)
            throw new JsonException($"'{(char)json[at]}' is not the start of a JSON value");
        return length < 0 ? json.Length : at + length;
    }
}
