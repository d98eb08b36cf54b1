using System.Runtime.InteropServices;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// The <em>satisfies</em> rule of docs/semantics.md §4: an existing item satisfies a wanted one when every
/// member the wanted item sets (recursively; arrays element by element and of equal length; scalars equal;
/// <c>null</c> members ignored) has the same value in the existing item.
/// </summary>
/// <remarks>
/// The existing side is read as raw UTF-8 with a reader, so an item of the pod is compared where it lies in
/// the request buffer, without parsing it into a document first.
/// </remarks>
public static class JsonSatisfies
{
    public static bool Satisfies(ReadOnlySpan<byte> existingJson, JsonElement wanted)
    {
        var reader = new Utf8JsonReader(existingJson, JsonLimits.ReaderOptions);
        return reader.Read() && Satisfies(ref reader, wanted);
    }

    /// <summary>Compares the value the reader is positioned on; on return the reader is somewhere inside it.</summary>
    private static bool Satisfies(ref Utf8JsonReader existing, JsonElement wanted) => wanted.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.Object => ObjectSatisfies(ref existing, wanted),
        JsonValueKind.Array => ArraySatisfies(ref existing, wanted),
        JsonValueKind.String => existing.TokenType == JsonTokenType.String && StringEquals(ref existing, wanted),
        JsonValueKind.Number => existing.TokenType == JsonTokenType.Number && NumberEquals(ref existing, wanted),
        JsonValueKind.True => existing.TokenType == JsonTokenType.True,
        JsonValueKind.False => existing.TokenType == JsonTokenType.False,
        _ => false,
    };

    private static bool ObjectSatisfies(ref Utf8JsonReader existing, JsonElement wanted)
    {
        if (existing.TokenType != JsonTokenType.StartObject)
            return false;

        var required = 0;
        foreach (var member in wanted.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Null)
                required++;
        }

        var matched = 0;
        while (existing.Read() && existing.TokenType == JsonTokenType.PropertyName)
        {
            var found = existing.ValueIsEscaped
                ? TryGetEscapedProperty(existing.ValueSpan, wanted, out var wantedMember)
                : wanted.TryGetProperty(existing.ValueSpan, out wantedMember);
            existing.Read();
            if (found && wantedMember.ValueKind != JsonValueKind.Null)
            {
                if (!Satisfies(ref existing, wantedMember))
                    return false;
                matched++;
            }
            existing.Skip();
        }
        return matched == required;
    }

    private static bool ArraySatisfies(ref Utf8JsonReader existing, JsonElement wanted)
    {
        if (existing.TokenType != JsonTokenType.StartArray)
            return false;

        foreach (var wantedItem in wanted.EnumerateArray())
        {
            if (!existing.Read() || existing.TokenType == JsonTokenType.EndArray)
                return false; // the existing array is shorter
            if (!Satisfies(ref existing, wantedItem))
                return false;
            existing.Skip();
        }
        return existing.Read() && existing.TokenType == JsonTokenType.EndArray;
    }

    // Escaped text is rare in pods (names, paths, quantities). An escape that is no text (a lone surrogate)
    // equals nothing: reading it as a string would throw, and the pod's items are not checked in advance.
    private static bool StringEquals(ref Utf8JsonReader existing, JsonElement wanted)
    {
        if (!existing.ValueIsEscaped)
            return wanted.ValueEquals(existing.ValueSpan);
        Span<byte> text = existing.ValueSpan.Length <= 256 ? stackalloc byte[existing.ValueSpan.Length] : new byte[existing.ValueSpan.Length];
        return JsonEscapes.Unescape(existing.ValueSpan, text, out var length) && wanted.ValueEquals(text[..length]);
    }

    private static bool TryGetEscapedProperty(ReadOnlySpan<byte> escapedName, JsonElement wanted, out JsonElement member)
    {
        Span<byte> name = escapedName.Length <= 256 ? stackalloc byte[escapedName.Length] : new byte[escapedName.Length];
        member = default;
        return JsonEscapes.Unescape(escapedName, name, out var length) && wanted.TryGetProperty(name[..length], out member);
    }

    private static bool NumberEquals(ref Utf8JsonReader existing, JsonElement wanted)
    {
        var wantedText = JsonMarshal.GetRawUtf8Value(wanted);
        if (existing.ValueSpan.SequenceEqual(wantedText))
            return true;
        // Same number, other spelling (1 and 1.0, 1e3 and 1000).
        if (existing.TryGetDecimal(out var a) && wanted.TryGetDecimal(out var b))
            return a == b;
        return existing.TryGetDouble(out var x) && wanted.TryGetDouble(out var y) && x == y;
    }
}
