using System.Collections.Immutable;
using System.Text.Json;
using PodDefaults.Core.Quantities;

namespace PodDefaults.Core.Model;

/// <summary>Reads the members of a PodDefault's <c>spec</c> into items, failing with the pointer of what is wrong.</summary>
internal readonly struct SpecMemberReader(JsonElement spec)
{
    private static string Pointer(string member) => "/spec/" + member;

    private bool TryGet(string member, JsonValueKind kind, string expected, out JsonElement value)
    {
        if (!spec.TryGetProperty(member, out value) || value.ValueKind == JsonValueKind.Null)
            return false;
        return value.ValueKind == kind ? true : throw new PodDefaultFormatException(Pointer(member), $"expected {expected}, found {Describe(value)}");
    }

    /// <summary>A list of objects, each identified by the string member <paramref name="keyMember"/>.</summary>
    public ImmutableArray<JsonItem> KeyedList(string member, string keyMember)
    {
        if (!TryGet(member, JsonValueKind.Array, "a list", out var list))
            return [];
        var items = new List<JsonItem>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{Pointer(member)}/{index++}";
            if (item.ValueKind != JsonValueKind.Object)
                throw new PodDefaultFormatException(at, $"expected an object, found {Describe(item)}");
            if (!item.TryGetProperty(keyMember, out var key) || key.ValueKind != JsonValueKind.String || key.GetString()!.Length == 0)
                throw new PodDefaultFormatException(at, $"\"{keyMember}\" is missing");
            items.Add(new JsonItem(key.GetString()!, item));
        }
        return [.. items];
    }

    /// <summary>A list of objects that have no key; they are compared whole.</summary>
    public ImmutableArray<JsonItem> UnkeyedList(string member)
    {
        if (!TryGet(member, JsonValueKind.Array, "a list", out var list))
            return [];
        var items = new List<JsonItem>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new PodDefaultFormatException($"{Pointer(member)}/{index}", $"expected an object, found {Describe(item)}");
            items.Add(new JsonItem(string.Empty, item));
            index++;
        }
        return [.. items];
    }

    /// <summary>A map of strings (labels, annotations, nodeSelector).</summary>
    public ImmutableArray<JsonItem> StringMap(string member)
    {
        if (!TryGet(member, JsonValueKind.Object, "a map of strings", out var map))
            return [];
        var items = new List<JsonItem>();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw new PodDefaultFormatException($"{Pointer(member)}/{JsonPointerText.Escape(entry.Name)}", $"expected a string, found {Describe(entry.Value)}");
            items.Add(new JsonItem(entry.Name, entry.Value));
        }
        return [.. items];
    }

    /// <summary>An object whose top-level members merge one by one (securityContext, affinity).</summary>
    public ImmutableArray<JsonItem> Members(string member)
    {
        if (!TryGet(member, JsonValueKind.Object, "an object", out var obj))
            return [];
        return [.. obj.EnumerateObject()
            .Where(entry => entry.Value.ValueKind != JsonValueKind.Null)
            .Select(entry => new JsonItem(entry.Name, entry.Value))];
    }

    public JsonItem? StringList(string member)
    {
        if (!TryGet(member, JsonValueKind.Array, "a list of strings", out var list))
            return null;
        if (list.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            throw new PodDefaultFormatException(Pointer(member), "expected a list of strings");
        return new JsonItem(member, list);
    }

    public JsonItem? String(string member) =>
        TryGet(member, JsonValueKind.String, "a string", out var value) ? new JsonItem(member, value) : null;

    public JsonItem? Boolean(string member)
    {
        if (!spec.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? new JsonItem(member, value)
            : throw new PodDefaultFormatException(Pointer(member), $"expected true or false, found {Describe(value)}");
    }

    /// <summary><c>limits</c> or <c>requests</c> of <paramref name="member"/> (<c>resources</c>): quantities by resource name.</summary>
    public ImmutableArray<QuantityItem> Quantities(string member, string part)
    {
        if (!TryGet(member, JsonValueKind.Object, "an object", out var resources))
            return [];
        if (!resources.TryGetProperty(part, out var map) || map.ValueKind == JsonValueKind.Null)
            return [];
        var at = $"{Pointer(member)}/{part}";
        if (map.ValueKind != JsonValueKind.Object)
            throw new PodDefaultFormatException(at, $"expected a map of quantities, found {Describe(map)}");
        var items = new List<QuantityItem>();
        foreach (var entry in map.EnumerateObject())
        {
            var text = entry.Value.ValueKind switch
            {
                JsonValueKind.String => entry.Value.GetString()!,
                JsonValueKind.Number => entry.Value.GetRawText(),
                _ => null,
            };
            if (text is null || !Quantity.TryParse(text, out var quantity))
                throw new PodDefaultFormatException($"{at}/{JsonPointerText.Escape(entry.Name)}", $"\"{entry.Value}\" is not a quantity");
            items.Add(new QuantityItem(new JsonItem(entry.Name, entry.Value), quantity));
        }
        return [.. items];
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
