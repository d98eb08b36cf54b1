using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodDefaults.Webhook.Json;

/// <summary>
/// Applies a JSON Patch (RFC 6902) to a JSON tree, to show the pod the webhook's patch makes. Only <c>add</c>,
/// the one operation the webhook emits, is supported, in full (RFC 6901 paths with <c>~0</c> and <c>~1</c>,
/// array insertion, <c>-</c> to append, the empty path for the whole document); any other operation is refused
/// before anything is changed.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="document"/>, in place where it can.</summary>
    /// <returns>The patched document: a different node only when an operation replaced the whole document.</returns>
    /// <exception cref="JsonPatchException">The patch is malformed, has an operation other than add, or does not apply.</exception>
    public static JsonNode? Apply(JsonNode? document, JsonArray patch)
    {
        var operations = patch.Select(Read).ToArray();
        foreach (var operation in operations)
            document = Add(document, operation);
        return document;
    }

    private static AddOperation Read(JsonNode? node, int index)
    {
        if (node is not JsonObject operation)
            throw new JsonPatchException($"operation {index}: expected an object");
        var op = String(operation, "op", index);
        if (op != "add")
            throw new JsonPatchException($"operation {index}: \"{op}\" is not supported; only \"add\" is (the webhook emits nothing else)");
        var path = String(operation, "path", index);
        if (!operation.TryGetPropertyValue("value", out var value))
            throw new JsonPatchException($"operation {index} (add {path}): value is missing");
        return new AddOperation(index, path, JsonPointerTokens.Parse(path, index), value);
    }

    private static string String(JsonObject operation, string member, int index) =>
        operation[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new JsonPatchException($"operation {index}: {member} is missing or not a string");

    private static JsonNode? Add(JsonNode? document, AddOperation add)
    {
        var value = add.Value?.DeepClone(); // the patch keeps its own node; a node has one parent
        if (add.Tokens.Count == 0)
            return value;
        var parent = document;
        for (var i = 0; i < add.Tokens.Count - 1; i++)
            parent = Child(parent, add.Tokens[i]) ?? throw add.Fail($"/{string.Join('/', add.Tokens.Take(i + 1))} does not exist");
        var last = add.Tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value; // adds the member, or replaces its value in place (RFC 6902 section 4.1)
                break;
            case JsonArray array:
                var at = last == "-" ? array.Count : Index(last, add);
                if (at > array.Count)
                    throw add.Fail($"index {at} is past the end of the array ({array.Count} items)");
                array.Insert(at, value);
                break;
            default:
                throw add.Fail("the parent is not an object or an array");
        }
        return document;
    }

    private static JsonNode? Child(JsonNode? parent, string token) => parent switch
    {
        JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
        JsonArray array when IsIndex(token) && int.TryParse(token, out var i) && i < array.Count => array[i],
        _ => null,
    };

    private static int Index(string token, AddOperation add) =>
        IsIndex(token) && int.TryParse(token, out var index)
            ? index
            : throw add.Fail($"\"{token}\" is not an array index");

    /// <summary>RFC 6901: digits, without a leading zero unless the index is 0.</summary>
    private static bool IsIndex(string token) =>
        token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');

    private sealed record AddOperation(int Index, string Path, IReadOnlyList<string> Tokens, JsonNode? Value)
    {
        public JsonPatchException Fail(string reason) => new($"operation {Index} (add {Path}): {reason}");
    }
}
