namespace PodDefaults.Tests.Fuzz;

/// <summary>Damage an attacker would try on a JSON document, on top of <c>Mutation.Text</c>'s random damage.</summary>
internal static class Hostile
{
    /// <summary>Values that broke a reader before, or are at a limit: extreme quantities, deep nesting, lone surrogates.</summary>
    private static readonly string[] Values =
    [
        "\"1e-2147483648\"", "\"1e2147483647\"", "\"1e2147483648\"", "\"-1E-2147483648\"", "\"1e1.5\"", "\".5Ki\"",
        "\"" + new string('9', 200) + "\"", "1e-2147483648", "\"\\ud800\"", "\"\\u0000\"",
        new string('[', 255) + new string(']', 255), new string('[', 257) + new string(']', 257),
        string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300),
    ];

    /// <summary>One to three of: a value replaced by a hostile one, a member repeated right after itself.</summary>
    public static Gen<Func<string, string>> Text =>
        Change.Array[1, 3].Select(changes => (Func<string, string>)(text => changes.Aggregate(text, (current, change) => change(current))));

    private static Gen<Func<string, string>> Change => Gen.Frequency(
        (3, from at in Gen.Double.Unit from value in Gen.OneOf(Values) select (Func<string, string>)(text => ReplaceValue(text, at, value))),
        (2, from at in Gen.Double.Unit select (Func<string, string>)(text => RepeatMember(text, at))));

    /// <summary>Replaces the string value that follows the position.</summary>
    private static string ReplaceValue(string text, double at, string value)
    {
        var colon = text.IndexOf("\":\"", (int)(at * text.Length), StringComparison.Ordinal);
        if (colon < 0)
            return text;
        var start = colon + 2;
        var end = text.IndexOf('"', start + 1);
        return end < 0 ? text : text[..start] + value + text[(end + 1)..];
    }

    /// <summary>Repeats the <c>"name":"string"</c> member that follows the position, right after itself.</summary>
    private static string RepeatMember(string text, double at)
    {
        var colon = text.IndexOf("\":\"", (int)(at * text.Length), StringComparison.Ordinal);
        if (colon < 0)
            return text;
        var nameStart = text.LastIndexOf('"', colon - 1);
        var valueEnd = text.IndexOf('"', colon + 3);
        if (nameStart < 0 || valueEnd < 0)
            return text;
        var member = text[nameStart..(valueEnd + 1)];
        return text.Insert(valueEnd + 1, "," + member);
    }
}
