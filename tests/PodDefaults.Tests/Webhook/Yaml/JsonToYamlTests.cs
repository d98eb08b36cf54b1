using PodDefaults.Tests.Conformance;
using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>JSON written as YAML reads back, with the product's converter, as the same JSON.</summary>
public sealed class JsonToYamlTests
{
    public static TheoryData<string> TrickyStrings() => new(
        "true", "yes", "Yes", "on", "OFF", "y", "n", "null", "Null", "~", "", "010", "0x1F", "0o17", "1e3", "1E+3", ".5", "-.inf",
        ".NaN", "+1", "-0", "1_000", "12345678901234567890123", "3.", "2024-05-14", "2024-05-14T09:12:33Z",
        " leading space", "trailing space ", "\tleading tab", "trailing tab\t", "a: b", "a:b", "a #b", "a#b", "- x", "-x", "-",
        "#x", "?", "? x", ":", "x:", "[x]", "{x}", "a, b", "*alias", "&anchor", "!tag", "%dir", "@at", "`tick", "'quoted'",
        "\"quoted\"", "|", ">", "<<", "---", "...", "--- x", "a\\b", "C:\\path", "k:{\"name\":\"ml-container\"}",
        "multi\nline", "multi\nline\n", "multi\nline\n\n", "\nleading break", "  indented\nblock", "trailing spaces  \nnext",
        "cr\r\nlf", "tab\tinside", "bell\u0007", "nel\u0085x", "line\u2028separator", "bom\uFEFFinside", "zero\0byte",
        "unicode: ünïcødé ✓ 日本語", "emoji 😀", "@", "=", "<<x", "\\ *%", "a *b", "a &b", "x\\ y", "\\ x", "a *",
        "echo hi && sleep 1", "x *%", "\\ *");

    /// <summary>Each indicator after a blank and inside a word, in keys (first in their mapping) and values.</summary>
    [Theory]
    [InlineData('*')] [InlineData('&')] [InlineData('!')] [InlineData('|')] [InlineData('>')] [InlineData('%')] [InlineData('@')]
    [InlineData('`')] [InlineData('\'')] [InlineData('"')] [InlineData('[')] [InlineData('{')] [InlineData(']')] [InlineData(',')]
    [InlineData('?')] [InlineData('-')] [InlineData(':')] [InlineData('}')] [InlineData('#')] [InlineData('~')] [InlineData('\\')]
    public void An_indicator_inside_a_key_or_value_reads_back(char c)
    {
        AssertRoundTrip(new JsonObject { [$"a {c}b"] = false, ["c"] = true });
        AssertRoundTrip(new JsonArray(new JsonObject { [$"a {c}b"] = false, ["c"] = true }));
        AssertRoundTrip(new JsonArray($"a {c}b", "x"));
        AssertRoundTrip(new JsonObject { ["k"] = $"a {c}b", ["c"] = true });
        AssertRoundTrip(new JsonObject { [$"a{c}b"] = false, ["c"] = true });
        AssertRoundTrip(new JsonObject { [$"a {c}"] = false, ["c"] = true });
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void A_string_reads_back_as_the_same_string(string text)
    {
        var json = new JsonObject { ["value"] = text, [text] = "as a key", ["list"] = new JsonArray(text) };

        AssertRoundTrip(json);
    }

    [Fact]
    public void Strings_are_quoted_only_where_a_plain_scalar_would_change_them()
    {
        var json = new JsonObject
        {
            ["plain"] = "some-image",
            ["path"] = "/dev/termination-log",
            ["version"] = "1001",
            ["flag"] = "true",
            ["yes"] = "yes",
            ["empty"] = "",
            ["colon"] = "a: b",
            ["script"] = "set -e\necho hi\n",
        };

        var yaml = JsonToYaml.ToYaml(json);

        Assert.Equal(
            """
            plain: some-image
            path: /dev/termination-log
            version: "1001"
            flag: "true"
            "yes": "yes"
            empty: ""
            colon: 'a: b'
            script: |
              set -e
              echo hi

            """,
            yaml);
    }

    [Fact]
    public void Lists_sit_level_with_their_key_and_empty_collections_are_flow_style()
    {
        var json = JsonNode.Parse("""{"spec":{"containers":[{"name":"a","args":["x","y"],"resources":{}}],"volumes":[]},"num":1.5,"b":false,"z":null}""");

        Assert.Equal(
            """
            spec:
              containers:
              - name: a
                args:
                - x
                - "y"
                resources: {}
              volumes: []
            num: 1.5
            b: false
            z: null

            """,
            JsonToYaml.ToYaml(json));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-12")]
    [InlineData("1.25")]
    [InlineData("1e3")]
    [InlineData("-2.5E-7")]
    [InlineData("18446744073709551615")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[[1, [2]], {\"a\": []}]")]
    public void Any_json_value_reads_back(string json) => AssertRoundTrip(JsonNode.Parse(json));

    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void A_conformance_case_reads_back(string file) => AssertRoundTrip(ConformanceCase.Load(file).Data);

    [Fact]
    public void Random_documents_read_back()
    {
        var random = new Random(20240514);
        for (var i = 0; i < 2000; i++)
            AssertRoundTrip(RandomJson.Node(random, depth: 0));
    }

    private static void AssertRoundTrip(JsonNode? json)
    {
        var yaml = JsonToYaml.ToYaml(json);
        IReadOnlyList<YamlJsonDocument> documents;
        try
        {
            documents = YamlToJson.Convert(yaml);
        }
        catch (YamlToJsonException error)
        {
            throw new Xunit.Sdk.XunitException($"json  {json?.ToJsonString()}\nyaml\n{yaml}\ndoes not read back: {error.Message}");
        }
        var back = documents.Count == 0 ? null : JsonNode.Parse(Assert.Single(documents).Json);
        Assert.True(JsonNode.DeepEquals(json, back), $"json  {json?.ToJsonString()}\nyaml\n{yaml}\nback  {back?.ToJsonString()}");
    }
}
