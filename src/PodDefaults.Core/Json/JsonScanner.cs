using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// Skips JSON values the webhook never reads, checking only what docs/semantics.md §2 asks of skipped
/// bytes: brackets balance and match, strings end, escapes are well formed, nesting stays within
/// <see cref="JsonLimits.MaxDepth"/>. Scalars are not parsed. UTF-8 validity is checked once for the whole
/// body (<see cref="CheckUtf8"/>), so the scan itself only looks for ASCII bytes.
/// </summary>
/// <remarks>
/// Objects and lists are scanned a block at a time (<see cref="BlockMasks"/>: 64, 32 or 16 bytes as the CPU
/// compares them at once with AVX-512, AVX2, SSE or AdvSimd; a byte without SIMD; bench/scanner-isa.sh runs
/// the tests with each switched off). In a block without escapes, which bytes lie inside strings follows from
/// the quotes by a prefix XOR (as in simdjson), so only the brackets outside strings are visited, one by
/// one. A lone string jumps to its end with <see cref="SearchValues{T}"/>.
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
        // Which kind of bracket each open level is: bit set for an object. 4 x 64 = JsonLimits.MaxDepth levels.
        Span<ulong> objects = stackalloc ulong[JsonLimits.MaxDepth / 64];
        var level = 0;
        var inString = false;
        while (true)
        {
            var block = BlockMasks.At(json, at);
            var width = block.Width;
            if (block.Backslashes == 0)
            {
                // No escape in the block: which bytes are inside strings follows from the quotes alone (each
                // quote flips it: a prefix XOR), and only the brackets outside strings need a visit.
                var inside = PrefixXor(block.Quotes) ^ (inString ? ~0UL : 0UL);
                if ((block.Controls & inside) != 0)
                    throw new JsonException($"a string holds the control character 0x{json[at + BitOperations.TrailingZeroCount(block.Controls & inside)]:x2}, which must be escaped");
                var brackets = block.Brackets & ~inside;
                while (brackets != 0)
                {
                    var position = at + BitOperations.TrailingZeroCount(brackets);
                    brackets &= brackets - 1;
                    if (Bracket(json[position], objects, ref level, depth))
                        return position + 1;
                }
                inString ^= (BitOperations.PopCount(block.Quotes) & 1) != 0;
            }
            else
            {
                // Escapes: visit every byte that matters, in order.
                var stops = block.Quotes | block.Backslashes | block.Brackets | block.Controls;
                while (stops != 0)
                {
                    var position = at + BitOperations.TrailingZeroCount(stops);
                    stops &= stops - 1;
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
                            stops &= ~0UL << (next - at);
                        }
                        else if (current < 0x20)
                        {
                            throw new JsonException($"a string holds the control character 0x{current:x2}, which must be escaped");
                        }
                        continue; // a bracket inside a string
                    }
                    if (current == (byte)'"')
                        inString = true;
                    else if (current is (byte)'{' or (byte)'[' or (byte)'}' or (byte)']' && Bracket(current, objects, ref level, depth))
                        return position + 1;
                    // else whitespace, or a backslash outside a string: scalars are not parsed
                }
            }
            at += width;
            if (at >= json.Length)
                throw new JsonException(inString ? "a string does not end" : "unexpected end of JSON: a bracket is not closed");
        }
    }

    /// <summary>Opens or closes a level; true when the outermost one closes.</summary>
    private static bool Bracket(byte bracket, Span<ulong> objects, ref int level, int depth)
    {
        if (bracket is (byte)'{' or (byte)'[')
        {
            if (depth + level >= JsonLimits.MaxDepth)
                throw new JsonException($"the JSON nests deeper than {JsonLimits.MaxDepth} levels");
            var bit = 1UL << (level & 63);
            objects[level >> 6] = bracket == (byte)'{' ? objects[level >> 6] | bit : objects[level >> 6] & ~bit;
            level++;
            return false;
        }
        level--;
        var isObject = (objects[level >> 6] & (1UL << (level & 63))) != 0;
        if (isObject != (bracket == (byte)'}'))
            throw new JsonException($"'{(char)bracket}' closes a {(isObject ? "'{'" : "'['")}");
        return level == 0;
    }

    /// <summary>Bit i set when an odd number of bits at or below i are set in <paramref name="quotes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong quotes)
    {
        quotes ^= quotes << 1;
        quotes ^= quotes << 2;
        quotes ^= quotes << 4;
        quotes ^= quotes << 8;
        quotes ^= quotes << 16;
        return quotes ^ (quotes << 32);
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int at)
    {
        var length = json[at..].IndexOfAny(ScalarEnds);
        if (length == 0)
            throw new JsonException($"'{(char)json[at]}' is not the start of a JSON value");
        return length < 0 ? json.Length : at + length;
    }
}
