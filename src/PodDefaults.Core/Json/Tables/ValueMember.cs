namespace PodDefaults.Core.Json.Tables;

/// <summary>Any value, read with full JSON rules and kept as a range of the request (<c>null</c> as absent).</summary>
internal sealed class ValueMember<T>(string name, Action<T, JsonRange> set, uint need = 0) : Member<T>(name, need)
{
    public override void Read(ref JsonCursor cursor, T target) => set(target, cursor.TryNull() ? JsonRange.None : cursor.ReadRange());
}
