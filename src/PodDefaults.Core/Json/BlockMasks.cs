using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PodDefaults.Core.Json;

/// <summary>
/// The bytes of one block of JSON that matter to <see cref="JsonScanner"/>, one bit per byte: the block is as
/// wide as the CPU compares at once (64, 32 or 16 bytes) while the input lasts, else one byte.
/// </summary>
internal readonly record struct BlockMasks(ulong Quotes, ulong Backslashes, ulong Brackets, ulong Controls, int Width)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BlockMasks At(ReadOnlySpan<byte> json, int at)
    {
        var rest = json[at..];
        if (Vector512.IsHardwareAccelerated && rest.Length >= Vector512<byte>.Count)
            return Of(Vector512.Create(rest));
        if (Vector256.IsHardwareAccelerated && rest.Length >= Vector256<byte>.Count)
            return Of(Vector256.Create(rest));
        if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<byte>.Count)
            return Of(Vector128.Create(rest));
        return Of(rest[0]);
    }

    /// <summary>Inside a string, what stops a scan: its end, an escape, a control character (one bit per byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StringStops(ReadOnlySpan<byte> json, int at, out int width)
    {
        var rest = json[at..];
        if (Vector512.IsHardwareAccelerated && rest.Length >= Vector512<byte>.Count)
        {
            var v = Vector512.Create(rest);
            width = Vector512<byte>.Count;
            return (Vector512.Equals(v, Vector512.Create((byte)'"')) | Vector512.Equals(v, Vector512.Create((byte)'\\'))
                | Vector512.LessThan(v, Vector512.Create((byte)0x20))).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated && rest.Length >= Vector256<byte>.Count)
        {
            var v = Vector256.Create(rest);
            width = Vector256<byte>.Count;
            return (Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\'))
                | Vector256.LessThan(v, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();
        }
        if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<byte>.Count)
        {
            var v = Vector128.Create(rest);
            width = Vector128<byte>.Count;
            return (Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
        }
        width = 1;
        return rest[0] is (byte)'"' or (byte)'\\' or < 0x20 ? 1UL : 0;
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
            Vector512<byte>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(Vector256<byte> v)
    {
        var folded = v | Vector256.Create((byte)0x20);
        return new(
            Vector256.Equals(v, Vector256.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector256.Equals(v, Vector256.Create((byte)'\\')).ExtractMostSignificantBits(),
            (Vector256.Equals(folded, Vector256.Create((byte)'{')) | Vector256.Equals(folded, Vector256.Create((byte)'}'))).ExtractMostSignificantBits(),
            Vector256.LessThan(v, Vector256.Create((byte)0x20)).ExtractMostSignificantBits(),
            Vector256<byte>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(Vector128<byte> v)
    {
        var folded = v | Vector128.Create((byte)0x20);
        return new(
            Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits(),
            (Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'))).ExtractMostSignificantBits(),
            Vector128.LessThan(v, Vector128.Create((byte)0x20)).ExtractMostSignificantBits(),
            Vector128<byte>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static BlockMasks Of(byte b) => new(
        b == (byte)'"' ? 1UL : 0,
        b == (byte)'\\' ? 1UL : 0,
        (b | 0x20) is (byte)'{' or (byte)'}' ? 1UL : 0,
        b < 0x20 ? 1UL : 0,
        1);
}
