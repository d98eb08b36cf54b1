namespace PodDefaults.Core.Json.Tables;

/// <summary>A list of objects, each read by a table into a new <typeparamref name="TChild"/>.</summary>
/// <param name="add">Makes the child for the next item.</param>
/// <param name="added">Told each item's child and where the item is.</param>
internal sealed class ObjectListMember<T, TChild>(string name, Func<string, MemberTable<TChild>> table, Func<T, TChild> add,
    Action<T, TChild, JsonRange> added, Action<T, bool> present, uint need = 0) : Member<T>(name, need)
{
    private MemberTable<TChild> members = null!;

    public override void Bind(string objectPath)
    {
        base.Bind(objectPath);
        members = table($"{Path}[]");
    }

    public override void Read(ref JsonCursor cursor, T target)
    {
        var isList = cursor.BeginArray(Path);
        present(target, isList);
        if (!isList)
            return;
        var first = true;
        while (cursor.NextItem(ref first))
        {
            if (cursor.Peek() != (byte)'{')
                throw cursor.Expected(Path, "a list of objects");
            var start = cursor.Position;
            var child = add(target);
            cursor.BeginObject(Path);
            ObjectReader.Read(ref cursor, members, child);
            added(target, child, new JsonRange(start, cursor.Position - start));
        }
    }
}
