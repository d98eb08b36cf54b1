using PodDefaults.Core.Json;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Small steps shared by the readers that walk a request with <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonReading
{
    /// <summary>Moves to the value of the property the reader is on.</summary>
    public static void ReadValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("unexpected end of JSON");
    }

    /// <summary>
    /// Marks a member as read (one bit per member the reader knows); a second member of the same name is an error.
    /// The API server never sends one, and a reader that took the first where the API server took the last
    /// would decide on a different object (docs/semantics.md §2).
    /// </summary>
    public static void Once(ref int seen, int member, string path)
    {
        if ((seen & member) != 0)
            throw new JsonException($"{path}: the member appears twice");
        seen |= member;
    }

    /// <summary>
    /// Whether the reader is on the member <paramref name="name"/>; if so, it is marked as read (<see cref="Once"/>)
    /// and the reader moved to its value.
    /// </summary>
    public static bool AtMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref int seen, int member, string path)
    {
        if (!reader.ValueTextEquals(name))
            return false;
        Once(ref seen, member, path);
        ReadValue(ref reader);
        return true;
    }

    /// <summary>Whether the reader is on the member <paramref name="name"/>; if so, the reader is moved to its value.</summary>
    public static bool AtMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueTextEquals(name))
            return false;
        ReadValue(ref reader);
        return true;
    }

    /// <summary>Skips the member the reader is on, value and all.</summary>
    public static void SkipMember(ref Utf8JsonReader reader)
    {
        ReadValue(ref reader);
        reader.Skip();
    }

    /// <summary>Whether the reader is on an object; <c>null</c> counts as absent, anything else is an error.</summary>
    public static bool IsObject(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"{path}: expected an object, found {Describe(reader.TokenType)}"),
    };

    public static bool IsArray(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"{path}: expected a list, found {Describe(reader.TokenType)}"),
    };

    public static JsonString String(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.String => JsonString.At(ref reader),
        JsonTokenType.Null => JsonString.None,
        _ => throw new JsonException($"{path}: expected a string, found {Describe(reader.TokenType)}"),
    };

    /// <summary>The bytes of the value the reader is on; leaves the reader on its last token.</summary>
    public static JsonRange Range(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new JsonRange(start, (int)reader.BytesConsumed - start);
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
