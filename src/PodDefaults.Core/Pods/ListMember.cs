using System.Text;
using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;

namespace PodDefaults.Core.Pods;

/// <summary>
/// A list of the pod (env, volumes...): each item read with full JSON rules, keyed by its string member
/// <c>keyMember</c> when the list has one (env by name, volumeMounts by mountPath).
/// </summary>
internal sealed class ListMember<T>(string name, Func<T, JsonEntries> entries, string? keyMember, uint need = 0) : Member<T>(name, need)
{
    private readonly byte[] key = keyMember is null ? [] : Encoding.UTF8.GetBytes(keyMember);

    public override void Read(ref JsonCursor cursor, T target)
    {
        var into = entries(target);
        into.Present = cursor.BeginArray(Path);
        if (!into.Present)
            return;
        var first = true;
        while (cursor.NextItem(ref first))
        {
            var start = cursor.Position;
            var itemKey = key.Length == 0 ? JsonString.None : cursor.ReadItemKey(key, Path);
            if (key.Length == 0)
                cursor.ReadRange();
            into.Add(new JsonEntry(itemKey, new JsonRange(start, cursor.Position - start)));
        }
    }
}
