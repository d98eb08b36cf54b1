using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PodDefaults.Core.Json;

/// <summary>
/// The bytes of one block of JSON that matter to <see cref="JsonScanner"/>, one bit per byte: 64 bytes while
/// the input lasts (one AVX-512 compare, two AVX2 or four SSE/AdvSimd ones, combined into 64-bit masks, so
/// that the scanner's per-block arithmetic is paid once per 64 bytes whatever the CPU), then 16, then one.
/// </summary>
internal readonly record struct BlockMasks(ulong Quotes, ulong Backslashes, ulong Brackets, ulong Controls, int Width)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BlockMasks At(ReadOnlySpan<byte> json, int at)
    {
        var left = json.Length - at;
        ref var start = ref MemoryMarshal.GetReference(json);
        var offset = (nuint)at;
        // The lengths are checked before each load: LoadUnsafe reads exactly the bytes the check allows.
        if (left >= 64)
        {
            if (Vector512.IsHardwareAccelerated)
                return Of(Vector512.LoadUnsafe(ref start, offset));
            if (Vector256.IsHardwareAccelerated)
                return Of(Vector256.LoadUnsafe(ref start, offset), Vector256.LoadUnsafe(ref start, offset + 32));
            if (Vector128.IsHardwareAccelerated)
            {
                return Of(Vector128.LoadUnsafe(ref start, offset), Vector128.LoadUnsafe(ref start, offset + 16),
                    Vector128.LoadUnsafe(ref start, offset + 32), Vector128.LoadUnsafe(ref start, offset + 48));
            }
        }
        if (Vector128.IsHardwareAccelerated && left >= 16)
            return Of(Vector128.LoadUnsafe(ref start, offset));
        return Of(json[at]);
    }

    /// <summary>Inside a string, what stops a scan: its end, an escape, a control character (one bit per byte).</summary>
    /// <remarks>Strings are short (names, env values): one 16-byte compare is the block here, whatever the CPU.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StringStops(ReadOnlySpan<byte> json, int at, out int width)
    {
        if (Vector128.IsHardwareAccelerated && json.Length - at >= 16)
        {
            var v = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(json), (nuint)at);
            width = 16;
            return (Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
        }
        width = 1;
        return json[at] is (byte)'"' or (byte)'\\' or < 0x20 ? 1UL : 0;
    }

    // '{' and '[' differ only in bit 0x20, as do '}' and ']': one compare each after setting it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(Vector512<byte> v)
    {
        var folded = v | Vector512.Create((byte)0x20);
        return new(
            Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector512.Equals(v, Vector512.Create((byte)'\\')).ExtractMostSignificantBits(),
            (Vector512.Equals(folded, Vector512.Create((byte)'{')) | Vector512.Equals(folded, Vector512.Create((byte)'}'))).ExtractMostSignificantBits(),
            Vector512.LessThan(v, Vector512.Create((byte)0x20)).ExtractMostSignificantBits(),
            64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(Vector256<byte> low, Vector256<byte> high)
    {
        var a = Of(low);
        var b = Of(high);
        return new(a.Quotes | (b.Quotes << 32), a.Backslashes | (b.Backslashes << 32), a.Brackets | (b.Brackets << 32),
            a.Controls | (b.Controls << 32), 64);
    }

    // Mask by mask rather than vector by vector: fewer values live at once, so none is spilled to the stack.
    // Backslashes and control characters are rare in what the API server sends (compact JSON): one test of all
    // four vectors decides whether their masks need making at all.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3)
    {
        var backslash = Vector128.Create((byte)'\\');
        var anyBackslash = Vector128.Equals(v0, backslash) | Vector128.Equals(v1, backslash) | Vector128.Equals(v2, backslash)
            | Vector128.Equals(v3, backslash);
        var anyControl = Vector128.LessThan(Vector128.Min(Vector128.Min(v0, v1), Vector128.Min(v2, v3)), Vector128.Create((byte)0x20));
        return new(
            Combine(QuotesOf(v0), QuotesOf(v1), QuotesOf(v2), QuotesOf(v3)),
            anyBackslash == Vector128<byte>.Zero ? 0 : Combine(BackslashesOf(v0), BackslashesOf(v1), BackslashesOf(v2), BackslashesOf(v3)),
            Combine(BracketsOf(v0), BracketsOf(v1), BracketsOf(v2), BracketsOf(v3)),
            anyControl == Vector128<byte>.Zero ? 0 : Combine(ControlsOf(v0), ControlsOf(v1), ControlsOf(v2), ControlsOf(v3)),
            64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(uint m0, uint m1, uint m2, uint m3) =>
        m0 | ((ulong)m1 << 16) | ((ulong)m2 << 32) | ((ulong)m3 << 48);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint QuotesOf(Vector128<byte> v) => Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BackslashesOf(Vector128<byte> v) => Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BracketsOf(Vector128<byte> v)
    {
        var folded = v | Vector128.Create((byte)0x20);
        return (Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'))).ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ControlsOf(Vector128<byte> v) => Vector128.LessThan(v, Vector128.Create((byte)0x20)).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Of(Vector256<byte> v)
    {
        var folded = v | Vector256.Create((byte)0x20);
        return new(
            Vector256.Equals(v, Vector256.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector256.Equals(v, Vector256.Create((byte)'\\')).ExtractMostSignificantBits(),
            (Vector256.Equals(folded, Vector256.Create((byte)'{')) | Vector256.Equals(folded, Vector256.Create((byte)'}'))).ExtractMostSignificantBits(),
            Vector256.LessThan(v, Vector256.Create((byte)0x20)).ExtractMostSignificantBits(),
            32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Of(Vector128<byte> v) => new(QuotesOf(v), BackslashesOf(v), BracketsOf(v), ControlsOf(v), 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(byte b) => new(
        b == (byte)'"' ? 1UL : 0,
        b == (byte)'\\' ? 1UL : 0,
        (b | 0x20) is (byte)'{' or (byte)'}' ? 1UL : 0,
        b < 0x20 ? 1UL : 0,
        1);
}
