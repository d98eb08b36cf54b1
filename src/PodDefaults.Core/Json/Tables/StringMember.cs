namespace PodDefaults.Core.Json.Tables;

/// <summary>A string (or <c>null</c>, kept as absent).</summary>
internal sealed class StringMember<T>(string name, Action<T, JsonString> set, uint need = 0) : Member<T>(name, need)
{
    public override void Read(ref JsonCursor cursor, T target) => set(target, cursor.ReadString(Path));
}
