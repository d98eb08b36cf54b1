using System.Text.Json;

namespace PodDefaults.Core.Json.Tables;

/// <summary>The one loop that reads an object by its <see cref="MemberTable{T}"/>.</summary>
internal static class ObjectReader
{
    /// <summary>Reads the object whose <c>{</c> the cursor has just entered, up to and including its <c>}</c>.</summary>
    /// <exception cref="JsonException">The object is malformed, or a member of the table appears twice.</exception>
    public static void Read<T>(ref JsonCursor cursor, MemberTable<T> table, T target)
    {
        var seen = 0UL;
        var first = true;
        Span<byte> unescaped = stackalloc byte[64];
        while (cursor.NextMember(ref first, out var name))
        {
            var raw = name.Raw(cursor.Json);
            var index = table.Find(name.Escaped ? Unescape(raw, unescaped) : raw);
            if (index < 0)
            {
                cursor.SkipValue();
                continue;
            }
            var member = table[index];
            if (member.Need != 0 && (member.Need & cursor.Needs) == 0)
            {
                cursor.SkipValue();
                continue;
            }
            if ((seen & (1UL << index)) != 0)
                throw new JsonException($"{member.Path}: the member appears twice");
            seen |= 1UL << index;
            member.Read(ref cursor, target);
        }
    }

    /// <summary>An escaped name's text, or nothing (no match) when it is too long to be a name of any table.</summary>
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> raw, Span<byte> scratch)
    {
        // The cursor has checked that the escapes stand for text; an escape never makes text longer.
        if (raw.Length > 6 * scratch.Length)
            return default;
        var destination = raw.Length <= scratch.Length ? scratch : new byte[raw.Length];
        return JsonEscapes.Unescape(raw, destination, out var written) ? destination[..written] : default;
    }
}
