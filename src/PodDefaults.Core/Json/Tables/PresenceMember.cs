namespace PodDefaults.Core.Json.Tables;

/// <summary>Only whether the member is there and not <c>null</c>: its value is skipped.</summary>
internal sealed class PresenceMember<T>(string name, Action<T, bool> set, uint need = 0) : Member<T>(name, need)
{
    public override void Read(ref JsonCursor cursor, T target)
    {
        var present = !cursor.TryNull();
        if (present)
            cursor.SkipValue();
        set(target, present);
    }
}
