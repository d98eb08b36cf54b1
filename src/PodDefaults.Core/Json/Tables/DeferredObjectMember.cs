namespace PodDefaults.Core.Json.Tables;

/// <summary>
/// An object that is only skipped now (its structure checked) and whose place is kept, to be read later by
/// its own table if the decision needs it. Member order is free: it may come before what decides that.
/// </summary>
internal sealed class DeferredObjectMember<T>(string name, Action<T, JsonRange, int> set, uint need = 0) : Member<T>(name, need)
{
    public override void Read(ref JsonCursor cursor, T target)
    {
        if (cursor.TryNull())
        {
            set(target, JsonRange.None, cursor.Depth);
            return;
        }
        if (cursor.Peek() != (byte)'{')
            throw cursor.Expected(Path, "an object");
        set(target, cursor.SkipRange(), cursor.Depth);
    }
}
