namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Random JSON trees whose strings favour what YAML treats specially.</summary>
internal static class RandomJson
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "1", "9", ".", "-", "+", "e", "E", "_", ":", " ", "  ", "#", "'", "\"", "\\", "\n", "\t", "\r", "[", "]",
        "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "<<", "---", "...", "true", "no", "null", "0x", "0o",
        ".inf", "é", "日", "😀", "\u0085", "\u2028", "\u00A0", "\u0001",
    ];

    public static JsonNode? Node(Random random, int depth) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(3) == 0 ? JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-5, 8))) : JsonValue.Create(random.Next(-1000, 1000)),
        3 => Text(random),
        4 or 5 => Object(random, depth),
        _ => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Node(random, depth + 1))]),
    };

    private static JsonObject Object(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(5); i > 0; i--)
            obj[Text(random)] = Node(random, depth + 1);
        return obj;
    }

    private static string Text(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(5); i > 0; i--)
            text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }
}
