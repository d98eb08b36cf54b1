namespace PodDefaults.Core.Json.Tables;

/// <summary>An object read by a table of its own, into <typeparamref name="TChild"/>.</summary>
internal sealed class ObjectMember<T, TChild>(string name, Func<string, MemberTable<TChild>> table, Func<T, TChild> child,
    Action<T, bool> present, uint need = 0) : Member<T>(name, need)
{
    private MemberTable<TChild> members = null!;

    public override void Bind(string objectPath)
    {
        base.Bind(objectPath);
        members = table(Path);
    }

    public override void Read(ref JsonCursor cursor, T target)
    {
        var isObject = cursor.BeginObject(Path);
        present(target, isObject);
        if (isObject)
            ObjectReader.Read(ref cursor, members, child(target));
    }
}
