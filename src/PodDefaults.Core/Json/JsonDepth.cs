using System.Runtime.InteropServices;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>How deep a value nests objects and arrays, measured on its raw bytes without recursion.</summary>
public static class JsonDepth
{
    /// <summary>
    /// True when <paramref name="value"/> nests more than <paramref name="maxDepth"/> objects and arrays (a value
    /// of one object is one level). A reader that parsed with a larger limit (a LIST page, a watch line) can
    /// still hand such a value to code that enforces <see cref="JsonLimits.MaxDepth"/> per object.
    /// </summary>
    public static bool Exceeds(JsonElement value, int maxDepth)
    {
        // One more level than the limit lets the reader show the first container too deep instead of throwing.
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value), new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                return true;
        }
        return false;
    }
}
