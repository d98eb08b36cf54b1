using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// The kinds of the brackets <see cref="JsonScanner"/> has open, one bit per level (set for an object): the
/// innermost 64 in a register, the outer ones spilled 64 at a time, so that a bracket costs a shift and a
/// compare.
/// </summary>
internal ref struct BracketStack(Span<ulong> spilled, int depth)
{
    private readonly Span<ulong> spilled = spilled;
    private ulong top;
    private int level;

    /// <summary>Opens or closes a level for <paramref name="bracket"/>; true when the outermost one closes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Apply(byte bracket)
    {
        // '{' 0x7B and '[' 0x5B have bit 0x02 set, '}' 0x7D and ']' 0x5D do not; the objects' have 0x20.
        var isObject = (ulong)(bracket >> 5) & 1;
        if ((bracket & 0x02) != 0)
        {
            if (depth + level >= JsonLimits.MaxDepth)
                throw JsonLimits.TooDeep();
            if ((level & 63) == 0 && level > 0)
                spilled[(level >> 6) - 1] = top;
            top = (top << 1) | isObject;
            level++;
            return false;
        }
        if (level == 0 || ((top ^ isObject) & 1) != 0)
            throw Mismatched(bracket, level == 0 ? null : (top & 1) != 0);
        top >>= 1;
        level--;
        if ((level & 63) == 0 && level > 0)
            top = spilled[(level >> 6) - 1];
        return level == 0;
    }

    private static JsonException Mismatched(byte bracket, bool? openObject) =>
        new($"'{(char)bracket}' closes {(openObject is null ? "nothing" : openObject.Value ? "a '{'" : "a '['")}");
}
