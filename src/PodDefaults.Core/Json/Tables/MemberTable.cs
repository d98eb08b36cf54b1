namespace PodDefaults.Core.Json.Tables;

/// <summary>
/// The members of one kind of object that the webhook reads, looked up by their UTF-8 name in an
/// open-addressed hash table built once (the split Garnet makes between its table of command names and the
/// parser that uses it). Every other member is skipped.
/// </summary>
internal sealed class MemberTable<T>
{
    private readonly Member<T>[] members;
    private readonly sbyte[] slots;

    /// <param name="path">Where objects of this kind are in a review, for error messages (<c>request.object.metadata</c>).</param>
    public MemberTable(string path, params Member<T>[] members)
    {
        if (members.Length > 64)
            throw new ArgumentException("a table tracks its members in 64 bits", nameof(members));
        Path = path;
        this.members = members;
        var size = 4;
        while (size < members.Length * 4)
            size *= 2;
        slots = new sbyte[size];
        Array.Fill(slots, (sbyte)-1);
        for (var index = 0; index < members.Length; index++)
        {
            var member = members[index];
            member.Bind(path);
            if (Find(member.NameUtf8) >= 0)
                throw new ArgumentException($"{member.Name} is in the table twice", nameof(members));
            var slot = Hash(member.NameUtf8) & (size - 1);
            while (slots[slot] >= 0)
                slot = (slot + 1) & (size - 1);
            slots[slot] = (sbyte)index;
        }
    }

    public string Path { get; }

    public Member<T> this[int index] => members[index];

    /// <summary>The index of the member named <paramref name="name"/> (unescaped UTF-8), or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
            return -1;
        var mask = slots.Length - 1;
        for (var slot = Hash(name) & mask; slots[slot] >= 0; slot = (slot + 1) & mask)
        {
            var index = slots[slot];
            if (members[index].NameUtf8.AsSpan().SequenceEqual(name))
                return index;
        }
        return -1;
    }

    // The names of one object differ in length or in their first or last letter almost always.
    private static int Hash(ReadOnlySpan<byte> name) => name.Length * 31 + name[0] * 7 + name[^1];
}
