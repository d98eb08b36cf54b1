using PodDefaults.Webhook.Json;

namespace PodDefaults.Tests.Webhook.Json;

public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":2}]""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/a","value":[3]}]""", """{"a":[3]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/1","value":9}]""", """{"a":[1,9,2]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/2","value":9}]""", """{"a":[1,2,9]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/-","value":9}]""", """{"a":[1,2,9]}""")]
    [InlineData("""{"a":[]}""", """[{"op":"add","path":"/a/0","value":{"x":null}}]""", """{"a":[{"x":null}]}""")]
    [InlineData("""{"m":{}}""", """[{"op":"add","path":"/m/a~1b~0c","value":"v"}]""", """{"m":{"a/b~c":"v"}}""")]
    [InlineData("""{"m":{}}""", """[{"op":"add","path":"/m/~01","value":"v"}]""", """{"m":{"~1":"v"}}""")]
    [InlineData("""{"m":{}}""", """[{"op":"add","path":"/m/","value":"v"}]""", """{"m":{"":"v"}}""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"","value":[1]}]""", """[1]""")]
    [InlineData("""{"a":{"b":[{"c":1}]}}""", """[{"op":"add","path":"/a/b/0/d","value":2},{"op":"add","path":"/a/b/0/d","value":3}]""", """{"a":{"b":[{"c":1,"d":3}]}}""")]
    public void Add_follows_rfc_6902(string document, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)!.AsArray());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Fact]
    public void The_value_is_copied_so_the_patch_stays_usable()
    {
        var patch = JsonNode.Parse("""[{"op":"add","path":"/a","value":{"b":1}}]""")!.AsArray();

        JsonPatch.Apply(new JsonObject(), patch);
        var second = JsonPatch.Apply(new JsonObject(), patch);

        Assert.Equal("""{"a":{"b":1}}""", second!.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/a"}]""", "operation 0: \"remove\" is not supported; only \"add\" is")]
    [InlineData("""[{"op":"add","path":"/b","value":1},{"op":"replace","path":"/a","value":2}]""", "operation 1: \"replace\" is not supported")]
    [InlineData("""[{"op":"add","path":"/a"}]""", "operation 0 (add /a): value is missing")]
    [InlineData("""[{"path":"/a","value":1}]""", "operation 0: op is missing or not a string")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""", "operation 0: path \"a\" does not start with /")]
    [InlineData("""[{"op":"add","path":"/a~2","value":1}]""", "has a ~ that is not ~0 or ~1")]
    [InlineData("""[{"op":"add","path":"/x/y","value":1}]""", "operation 0 (add /x/y): /x does not exist")]
    [InlineData("""[{"op":"add","path":"/l/3","value":1}]""", "index 3 is past the end of the array (2 items)")]
    [InlineData("""[{"op":"add","path":"/l/01","value":1}]""", "\"01\" is not an array index")]
    [InlineData("""[{"op":"add","path":"/l/-/x","value":1}]""", "/l/- does not exist")]
    [InlineData("""[{"op":"add","path":"/a/x","value":1}]""", "the parent is not an object or an array")]
    [InlineData("""[1]""", "operation 0: expected an object")]
    public void A_patch_that_does_not_apply_says_which_operation_and_why(string patch, string message)
    {
        var document = JsonNode.Parse("""{"a":1,"l":[1,2]}""");

        var error = Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(document, JsonNode.Parse(patch)!.AsArray()));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_unsupported_operation_changes_nothing()
    {
        var document = JsonNode.Parse("""{"a":1}""");
        var patch = JsonNode.Parse("""[{"op":"add","path":"/b","value":2},{"op":"move","from":"/a","path":"/c"}]""")!.AsArray();

        Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(document, patch));

        Assert.Equal("""{"a":1}""", document!.ToJsonString());
    }
}
