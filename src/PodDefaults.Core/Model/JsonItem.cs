using System.Text;
using System.Text.Json;

namespace PodDefaults.Core.Model;

/// <summary>
/// One item a PodDefault contributes (an env var, a volume, a label, a securityContext member...), kept as JSON
/// so that fields the webhook has no model for survive untouched.
/// </summary>
public sealed class JsonItem
{
    public JsonItem(string key, JsonElement value)
    {
        Key = key;
        KeyUtf8 = Encoding.UTF8.GetBytes(key);
        // A clone owns its memory, so the item outlives the document it was read from.
        Value = value.Clone();
        Json = JsonSerializer.SerializeToUtf8Bytes(value, CoreJsonContext.Default.JsonElement);
    }

    /// <summary>A map entry whose value is a string.</summary>
    public static JsonItem OfString(string key, string value) =>
        new(key, JsonSerializer.SerializeToElement(value, CoreJsonContext.Default.String));

    /// <summary>What identifies the item in its list or map (<c>name</c>, <c>mountPath</c>, a map key); empty when none.</summary>
    public string Key { get; }

    public byte[] KeyUtf8 { get; }

    /// <summary>The item, for <em>satisfies</em> comparisons.</summary>
    public JsonElement Value { get; }

    /// <summary>The item as compact UTF-8 JSON, written verbatim into patches.</summary>
    public byte[] Json { get; }

    public override string ToString() => Key.Length == 0 ? Encoding.UTF8.GetString(Json) : Key;
}
