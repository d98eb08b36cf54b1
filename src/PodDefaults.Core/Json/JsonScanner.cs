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
/// Objects and lists are scanned 64 bytes at a time (<see cref="BlockMasks"/>: one AVX-512 compare, two AVX2
/// or four SSE or AdvSimd ones; then 16 bytes at the end of the input, and a byte without SIMD;
/// bench/scanner-isa.sh runs the tests with each switched off). Which bytes a backslash escapes follows from the runs of backslashes,
/// carried from block to block, and which bytes lie inside strings from the unescaped quotes by a prefix XOR
/// (both as in simdjson), so only the brackets outside strings and the escaped bytes are visited, one by one
/// (<see cref="BracketStack"/>). A lone string is scanned with the same blocks, for its end, escapes and
/// control characters.
/// </remarks>
public static class JsonScanner
{
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
            if (at >= json.Length)
                throw new JsonException("a string does not end");
            // Its end, an escape, or a control character (which JSON forbids there), a block at a time.
            var stops = BlockMasks.StringStops(json, at, out var width);
            if (stops == 0)
            {
                at += width;
                continue;
            }
            at += BitOperations.TrailingZeroCount(stops);
            switch (json[at])
            {
                case (byte)'"':
                    return at + 1;
                case (byte)'\\':
                    escaped = true;
                    at = SkipEscape(json, at + 1);
                    break;
                default:
                    throw ControlCharacter(json[at]);
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
                throw NotAnEscape(json[at]);
        }
    }

    private static int SkipNested(ReadOnlySpan<byte> json, int at, int depth)
    {
        var brackets = new BracketStack(stackalloc ulong[JsonLimits.MaxDepth / 64], depth);
        var inString = false;
        // 1 when the block's first byte is escaped by a run of backslashes that ends the block before.
        var escapedIn = 0UL;
        while (true)
        {
            var block = BlockMasks.At(json, at);
            var width = block.Width;
            var escaped = 0UL;
            var escapedOut = 0UL;
            var quotes = block.Quotes;
            if ((block.Backslashes | escapedIn) != 0)
            {
                // Which bytes the backslashes escape (runs of odd length), carried across blocks as in simdjson;
                // an escaped quote neither opens nor closes a string.
                escaped = Escaped(block.Backslashes, escapedIn, width, out escapedOut);
                quotes &= ~escaped;
            }
            // Which bytes are inside strings follows from the quotes alone (each flips it: a prefix XOR).
            var inside = PrefixXor(quotes) ^ (inString ? ~0UL : 0UL);
            if ((block.Backslashes & ~inside) != 0)
            {
                // A backslash outside a string is no escape (not JSON, but not the structure's concern either):
                // this block is scanned byte by byte instead.
                // By copies: a local whose address is taken lives in memory, and every bracket would pay for it.
                var slowBrackets = brackets;
                var slowInString = inString;
                width = SkipBlockSlowly(json, at, width, escapedIn, ref slowBrackets, ref slowInString, out var end);
                if (end >= 0)
                    return end;
                brackets = slowBrackets;
                inString = slowInString;
                escapedOut = 0;
            }
            else
            {
                if ((block.Controls & inside) != 0)
                    throw ControlCharacter(json[at + BitOperations.TrailingZeroCount(block.Controls & inside)]);
                if (escaped != 0)
                    CheckEscapes(json, at, escaped);
                var outside = block.Brackets & ~inside;
                while (outside != 0)
                {
                    var position = at + BitOperations.TrailingZeroCount(outside);
                    outside &= outside - 1;
                    if (brackets.Apply(json[position]))
                        return position + 1;
                }
                // The prefix XOR's top bit is the parity of all the block's quotes: whether a string stays open.
                inString = (long)inside < 0;
            }
            escapedIn = escapedOut;
            at += width;
            if (at >= json.Length)
                throw new JsonException(inString ? "a string does not end" : "unexpected end of JSON: a bracket is not closed");
        }
    }

    /// <summary>
    /// The bytes of a block that a backslash escapes: the byte after each run of backslashes of odd length
    /// (simdjson's escape carry). <paramref name="escapedIn"/> says the first byte is escaped by the block
    /// before; <paramref name="escapedOut"/> says the same of the next block's first byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Escaped(ulong backslashes, ulong escapedIn, int width, out ulong escapedOut)
    {
        if (width == 1)
        {
            escapedOut = backslashes & ~escapedIn;
            return escapedIn;
        }
        const ulong even = 0x5555_5555_5555_5555;
        backslashes &= ~escapedIn;
        var follows = (backslashes << 1) | escapedIn;
        // Adding each run's start to the run carries past its end, and the parity of where a run starts and
        // ends tells whether its last backslash escapes. The top bit of a block (63 or 15) is odd, so a
        // run reaching it carries out of the block exactly when it escapes the next block's first byte.
        var oddStarts = backslashes & ~even & ~follows;
        var sum = oddStarts + backslashes;
        if (width == 64)
        {
            escapedOut = sum < backslashes ? 1UL : 0;
            return (even ^ (sum << 1)) & follows;
        }
        var inBlock = (1UL << width) - 1;
        escapedOut = (sum >> width) & 1;
        return (even ^ ((sum & inBlock) << 1)) & follows & inBlock;
    }

    /// <summary>Checks each escaped byte of the block at <paramref name="at"/>: one of <c>"\/bfnrt</c>, or <c>u</c> and four hex digits.</summary>
    private static void CheckEscapes(ReadOnlySpan<byte> json, int at, ulong escaped)
    {
        while (escaped != 0)
        {
            var position = at + BitOperations.TrailingZeroCount(escaped);
            escaped &= escaped - 1;
            // The usual escapes by a bit test; \u (and whatever is no escape) the long way.
            var escape = json[position];
            var simple = escape < 64 ? (SimpleEscapesLow >> escape) & 1 : escape < 128 ? (SimpleEscapesHigh >> (escape - 64)) & 1 : 0;
            if (simple == 0)
                SkipEscape(json, position);
        }
    }

    /// <summary>The bytes after a backslash that need no more checking, <c>"\/bfnrt</c>, as bits of two words.</summary>
    private const ulong SimpleEscapesLow = (1UL << '"') | (1UL << '/');
    private const ulong SimpleEscapesHigh = (1UL << ('\\' - 64)) | (1UL << ('b' - 64)) | (1UL << ('f' - 64)) | (1UL << ('n' - 64))
        | (1UL << ('r' - 64)) | (1UL << ('t' - 64));

    /// <summary>
    /// Scans a block byte by byte, in order: the rare block with a backslash outside a string. Returns how far
    /// it got (the block, or past an escape that crosses its end), and where the value ends if it closes here.
    /// </summary>
    private static int SkipBlockSlowly(ReadOnlySpan<byte> json, int at, int width, ulong escapedIn, ref BracketStack brackets, ref bool inString, out int end)
    {
        end = -1;
        // Made again rather than passed in: keeping the caller's masks alive until this rare call cost the hot loop
        // a register (+0.5% instructions for a no-match admission).
        var block = BlockMasks.At(json, at);
        var stops = block.Quotes | block.Backslashes | block.Brackets | block.Controls;
        if (escapedIn != 0)
        {
            // The backslash that ends the block before escapes this block's first byte.
            var next = SkipEscape(json, at);
            if (next >= at + width)
                return next - at;
            stops &= ~0UL << (next - at);
        }
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
                        return next - at;
                    stops &= ~0UL << (next - at);
                }
                else if (current < 0x20)
                {
                    throw ControlCharacter(current);
                }
                continue; // a bracket inside a string
            }
            if (current == (byte)'"')
            {
                inString = true;
            }
            else if (current is (byte)'{' or (byte)'[' or (byte)'}' or (byte)']' && brackets.Apply(current))
            {
                end = position + 1;
                return width;
            }
            // else whitespace, or a backslash outside a string: scalars are not parsed
        }
        return width;
    }

    // Exceptions are made out of line: an interpolated message in a hot method costs its prologue on every call.
    private static JsonException ControlCharacter(byte b) => new($"a string holds the control character 0x{b:x2}, which must be escaped");

    private static JsonException NotAValue(byte b) => new($"'{(char)b}' is not the start of a JSON value");

    private static JsonException NotAnEscape(byte b) => new($"'\\{(char)b}' is not a JSON escape");

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
        // Numbers and literals are short: a loop beats a vector search here.
        var end = at;
        while (end < json.Length && json[end] is not ((byte)',' or (byte)':' or (byte)'}' or (byte)']' or (byte)'{' or (byte)'['
                   or (byte)'"' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            end++;
        if (end == at)
            throw NotAValue(json[at]);
        return end;
    }
}
