using System.Text.Json;
using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;

namespace PodDefaults.Core.Pods;

/// <summary>A map of the pod (labels, nodeSelector...): one entry per member, with full JSON rules; a name twice is an error.</summary>
internal sealed class MapMember<T>(string name, Func<T, JsonEntries> entries, uint need = 0) : Member<T>(name, need)
{
    public override void Read(ref JsonCursor cursor, T target)
    {
        var into = entries(target);
        into.Present = cursor.BeginObject(Path);
        if (!into.Present)
            return;
        var first = true;
        while (cursor.NextMember(ref first, out var key))
        {
            foreach (var entry in into.Items)
            {
                if (entry.Key.TextEquals(cursor.Json, key))
                    throw new JsonException($"{Path}: the member \"{key.ToString(cursor.Json)}\" appears twice");
            }
            into.Add(new JsonEntry(key, cursor.ReadRange()));
        }
    }
}
