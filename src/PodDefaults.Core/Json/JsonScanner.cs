using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// Skips JSON values the webhook never reads, checking only what SEMANTICS.md section 2 asks of skipped
/// bytes: brackets balance and match, strings end, escapes are well formed, nesting stays within
/// <see cref="JsonLimits.MaxDepth"/>. Scalars are not parsed. UTF-8 validity is checked once for the whole
/// body (<see cref="CheckUtf8"/>), so the scan itself only looks for ASCII bytes.
/// </summary>
/// <remarks>
/// Objects and lists are scanned a block at a time: one compare per kind of byte that matters gives a bit
/// mask of the block, and only its set bits are visited (about one byte in eight in a pod). The block is as
/// wide as the CPU compares at once (<see cref="Vector512"/>, <see cref="Vector256"/>, <see cref="Vector128"/>
/// on SSE or AdvSimd), a byte without SIMD; bench/scanner-isa.sh runs the tests with each switched off.
/// A lone string jumps to its end with <see cref="SearchValues{T}"/>.
/// </remarks>
public static class JsonScanner
{
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
        var inString = false;
        while (true)
        {
            // The bytes of the next block that matter, one bit each: quotes, backslashes, brackets, control characters.
            var (mask, width) = Stops(json, at);
            while (mask != 0)
            {
                var position = at + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var current = json[position];
                if (inString)
                {
                    if (current == (byte)'"')
                    {
                        inString = false;
                    }
                    else if (current == (byte)'\\')
                    {
                        var next = SkipEscape(json, position + 1);
                        if (next >= at + width)
                        {
                            width = next - at;
                            break;
                        }
                        mask &= ~0UL << (next - at);
                    }
                    else if (current < 0x20)
                    {
                        throw new JsonException($"a string holds the control character 0x{current:x2}, which must be escaped");
                    }
                    continue; // a bracket inside a string
                }
                switch (current)
                {
                    case (byte)'"':
                        inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        if (depth + level >= JsonLimits.MaxDepth)
                            throw new JsonException($"the JSON nests deeper than {JsonLimits.MaxDepth} levels");
                        closers[level++] = (byte)(current + 2);
                        break;
                    case (byte)'}' or (byte)']':
                        if (closers[--level] != current)
                            throw new JsonException($"'{(char)current}' closes a {(closers[level] == (byte)'}' ? "'{'" : "'['")}");
                        if (level == 0)
                            return position + 1;
                        break;
                    default:
                        break; // whitespace, or a backslash outside a string: scalars are not parsed
                }
            }
            at += width;
            if (at >= json.Length)
                throw new JsonException(inString ? "a string does not end" : "unexpected end of JSON: a bracket is not closed");
        }
    }

    /// <summary>
    /// The stops among the bytes at <paramref name="at"/>: as wide a block as the CPU compares at once and the
    /// input still holds, else the one byte.
    /// </summary>
    private static (ulong Mask, int Width) Stops(ReadOnlySpan<byte> json, int at)
    {
        var rest = json[at..];
        if (Vector512.IsHardwareAccelerated && rest.Length >= Vector512<byte>.Count)
            return (StopMask(Vector512.Create(rest)), Vector512<byte>.Count);
        if (Vector256.IsHardwareAccelerated && rest.Length >= Vector256<byte>.Count)
            return (StopMask(Vector256.Create(rest)), Vector256<byte>.Count);
        if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<byte>.Count)
            return (StopMask(Vector128.Create(rest)), Vector128<byte>.Count);
        return (IsStop(rest[0]) ? 1UL : 0UL, 1);
    }

    // '{' and '[' differ from each other only in bit 0x20, as do '}' and ']'.
    internal static bool IsStop(byte b) => b is (byte)'"' or (byte)'\\' or (byte)'{' or (byte)'[' or (byte)'}' or (byte)']' or < 0x20;

    internal static ulong StopMask(Vector512<byte> v)
    {
        var folded = v | Vector512.Create((byte)0x20);
        return (Vector512.Equals(v, Vector512.Create((byte)'"')) | Vector512.Equals(v, Vector512.Create((byte)'\\'))
            | Vector512.Equals(folded, Vector512.Create((byte)'{')) | Vector512.Equals(folded, Vector512.Create((byte)'}'))
            | Vector512.LessThan(v, Vector512.Create((byte)0x20))).ExtractMostSignificantBits();
    }

    internal static ulong StopMask(Vector256<byte> v)
    {
        var folded = v | Vector256.Create((byte)0x20);
        return (Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\'))
            | Vector256.Equals(folded, Vector256.Create((byte)'{')) | Vector256.Equals(folded, Vector256.Create((byte)'}'))
            | Vector256.LessThan(v, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();
    }

    internal static ulong StopMask(Vector128<byte> v)
    {
        var folded = v | Vector128.Create((byte)0x20);
        return (Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'))
            | Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'))
            | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int at)
    {
        var length = json[at..].IndexOfAny(ScalarEnds);
        if (length == 0)
            throw new JsonException($"'{(char)json[at]}' is not the start of a JSON value");
        return length < 0 ? json.Length : at + length;
    }
}
