using PodDefaults.Core.Pods;
using PodDefaults.Core.Json;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads maps and lists of a pod into <see cref="JsonEntries"/>.</summary>
internal static class ShapeReading
{
    /// <summary>A JSON object: one entry per member, keyed by the member name.</summary>
    public static void ReadMap(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, JsonEntries into, string path)
    {
        into.Present = IsObject(ref reader, path);
        if (!into.Present)
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonString.At(ref reader);
            if (into.ContainsKey(body, key))
                throw new JsonException($"{path}: a member name appears twice");
            ReadValue(ref reader);
            // Label and annotation values are read as text later (selection, the LimitRanger annotation).
            if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && !JsonEscapes.IsValid(reader.ValueSpan))
                throw new JsonException($"{path}: the value of a member holds an escape that is no text (a lone surrogate)");
            into.Add(new JsonEntry(key, Range(ref reader)));
        }
    }

    /// <summary>A JSON array of objects, each keyed by its string member <paramref name="keyMember"/> (or unkeyed when empty).</summary>
    public static void ReadList(ref Utf8JsonReader reader, JsonEntries into, ReadOnlySpan<byte> keyMember, string path)
    {
        into.Present = IsArray(ref reader, path);
        if (!into.Present)
            return;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var key = keyMember.IsEmpty ? JsonString.None : ReadKey(ref reader, keyMember, path);
            if (keyMember.IsEmpty)
                reader.Skip();
            into.Add(new JsonEntry(key, new JsonRange(start, (int)reader.BytesConsumed - start)));
        }
    }

    /// <summary>Walks one list item to its end, returning the value of its key member.</summary>
    private static JsonString ReadKey(ref Utf8JsonReader reader, ReadOnlySpan<byte> keyMember, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"{path}: expected a list of objects, found {Describe(reader.TokenType)}");
        var key = JsonString.None;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKey = reader.ValueTextEquals(keyMember);
            if (isKey)
                Once(ref seen, 1, path); // the key decides which item a PodDefault's item meets
            ReadValue(ref reader);
            if (isKey && reader.TokenType == JsonTokenType.String)
                key = JsonString.At(ref reader);
            else
                reader.Skip();
        }
        return key;
    }
}
