namespace PodDefaults.Tests.Core.Properties;

/// <summary>Damage done to a valid document, to check that bad input gets a clear error and nothing else.</summary>
internal static class Mutation
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "1e999", "-", "\\ud800", "\\udc00", "é", "\u0000"];

    /// <summary>Replacements for one value of the tree: every JSON kind, and strings that are no quantity.</summary>
    private static readonly string[] Values = ["null", "1", "-1.5e300", "\"\"", "\"x\"", "true", "{}", "[]", "[1]", "{\"a\":{}}", "\"1GiB\""];

    /// <summary>One to three changes to the JSON text: a value of another kind, a stray token, a cut.</summary>
    public static Gen<Func<string, string>> Text =>
        Change.Array[1, 3].Select(changes => (Func<string, string>)(text => changes.Aggregate(text, (current, change) => change(current))));

    private static Gen<Func<string, string>> Change => Gen.Frequency(
        (4, from at in Gen.Double.Unit from value in Gen.OneOf(Values) select (Func<string, string>)(text => ReplaceValue(text, at, value))),
        (2, from at in Gen.Double.Unit from token in Gen.OneOf(Tokens) select (Func<string, string>)(text => text.Insert(Position(text, at), token))),
        (2, from at in Gen.Double.Unit select (Func<string, string>)(text => InsideString(text, at, "\\ud800"))),
        (1, from at in Gen.Double.Unit select (Func<string, string>)(text => text.Length == 0 ? text : text.Remove(Position(text, at) % text.Length, 1))),
        (1, from at in Gen.Double.Unit select (Func<string, string>)(text => text[..Position(text, at)])),
        (1, from at in Gen.Double.Unit select (Func<string, string>)(text => ReplaceValue(text, at, new string('[', 300) + new string(']', 300)))));

    /// <summary>One value of the tree (any depth) replaced by another kind of value.</summary>
    public static Gen<Func<JsonNode, JsonNode>> Tree =>
        from at in Gen.Double.Unit
        from value in Gen.OneOf(Values)
        select (Func<JsonNode, JsonNode>)(root =>
        {
            var copy = root.DeepClone();
            var nodes = Descendants(copy).ToArray();
            var target = nodes[(int)(at * nodes.Length) % nodes.Length];
            var replacement = JsonNode.Parse(value);
            switch (target.Parent)
            {
                case JsonObject parent:
                    parent[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray parent:
                    parent[target.GetElementIndex()] = replacement;
                    break;
            }
            return copy;
        });

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(member => member.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Descendants(child))
                yield return descendant;
        }
    }

    private static int Position(string text, double at) => (int)(at * text.Length);

    /// <summary>Replaces the string value that follows the position (the first <c>":"</c> after it).</summary>
    private static string ReplaceValue(string text, double at, string value)
    {
        var colon = text.IndexOf("\":\"", Position(text, at), StringComparison.Ordinal);
        if (colon < 0)
            return text;
        var start = colon + 2;
        var end = text.IndexOf('"', start + 1);
        return end < 0 ? text : text[..start] + value + text[(end + 1)..];
    }

    /// <summary>Inserts raw text right after the opening quote of the string that follows the position.</summary>
    private static string InsideString(string text, double at, string inserted)
    {
        var quote = text.IndexOf('"', Position(text, at));
        return quote < 0 ? text : text.Insert(quote + 1, inserted);
    }
}
