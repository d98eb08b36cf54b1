using PodDefaults.Core.Json;

namespace PodDefaults.Tests.Core.Json;

public sealed class JsonSatisfiesTests
{
    private static bool Satisfies(string existing, string wanted)
    {
        using var document = JsonDocument.Parse(wanted);
        return JsonSatisfies.Satisfies(Encoding.UTF8.GetBytes(existing), document.RootElement);
    }

    [Theory]
    [InlineData("""{"name":"a","secret":{"secretName":"s","defaultMode":420}}""", """{"name":"a","secret":{"secretName":"s"}}""")]
    [InlineData("""{"a":{"b":{"c":[1,{"d":"x","e":true}]}}}""", """{"a":{"b":{"c":[1,{"d":"x"}]}}}""")]
    [InlineData("""{"x":1,"y":2}""", """{"y":2}""")]
    [InlineData("""{"y":2,"x":1}""", """{"x":1,"y":2}""")] // member order does not matter
    public void Nested_objects_are_satisfied_by_supersets(string existing, string wanted) =>
        Assert.True(Satisfies(existing, wanted));

    [Theory]
    [InlineData("""{"a":{"b":1}}""", """{"a":{"b":1,"c":2}}""")]
    [InlineData("""{"a":{"b":{"c":1}}}""", """{"a":{"b":{"c":2}}}""")]
    [InlineData("""{"a":1}""", """{"b":1}""")]
    public void Nested_objects_missing_or_differing_members_are_not_satisfied(string existing, string wanted) =>
        Assert.False(Satisfies(existing, wanted));

    [Theory]
    [InlineData("[1,2]", "[1,2,3]")]
    [InlineData("[1,2,3]", "[1,2]")]
    [InlineData("[]", "[1]")]
    [InlineData("[1]", "[]")]
    [InlineData("""{"a":[{"k":1},{"k":2}]}""", """{"a":[{"k":1}]}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    public void Arrays_must_have_the_same_length_and_order(string existing, string wanted) =>
        Assert.False(Satisfies(existing, wanted));

    [Theory]
    [InlineData("[]", "[]")]
    [InlineData("[1,[2,3]]", "[1,[2,3]]")]
    [InlineData("""[{"k":1,"extra":2}]""", """[{"k":1}]""")] // elements compare by satisfies too
    [InlineData("[1,5]", "[1,null]")] // a null element is ignored, but still counts for the length
    public void Arrays_of_equal_length_compare_element_by_element(string existing, string wanted) =>
        Assert.True(Satisfies(existing, wanted));

    [Theory]
    [InlineData("{}", """{"a":null}""")]
    [InlineData("""{"a":5}""", """{"a":null}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":null,"c":null}""")]
    [InlineData("""{"name":"x"}""", """{"name":"x","valueFrom":null}""")]
    public void Null_members_on_the_wanted_side_are_ignored(string existing, string wanted) =>
        Assert.True(Satisfies(existing, wanted));

    [Fact]
    public void A_null_member_on_the_existing_side_does_not_satisfy_a_set_member() =>
        Assert.False(Satisfies("""{"a":null}""", """{"a":1}"""));

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1.0", "1")]
    [InlineData("1000", "1e3")]
    [InlineData("1e3", "1000")]
    [InlineData("0.5", "5e-1")]
    [InlineData("-0", "0")]
    [InlineData("""{"runAsUser":1000}""", """{"runAsUser":1000.0}""")]
    public void Numbers_compare_by_value(string existing, string wanted) =>
        Assert.True(Satisfies(existing, wanted));

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1", "1.0000001")]
    [InlineData("1", "\"1\"")]
    [InlineData("\"1\"", "1")]
    public void Different_numbers_do_not_satisfy(string existing, string wanted) =>
        Assert.False(Satisfies(existing, wanted));

    [Theory]
    [InlineData("\"\\u0041\"", "\"A\"")]
    [InlineData("\"A\"", "\"\\u0041\"")]
    [InlineData("\"a\\/b\"", "\"a/b\"")]
    [InlineData("\"\\u00e9\"", "\"é\"")]
    [InlineData("""{"\u0041":1}""", """{"A":1}""")]
    [InlineData("""{"A":1}""", """{"\u0041":1}""")]
    [InlineData("""{"k\u0065y":"v\u0061lue"}""", """{"key":"value"}""")]
    [InlineData("""{"key":"value"}""", """{"k\u0065y":"v\u0061lue"}""")]
    public void Escaped_strings_equal_their_unescaped_text_in_names_and_values(string existing, string wanted) =>
        Assert.True(Satisfies(existing, wanted));

    [Theory]
    [InlineData("\"\\u0042\"", "\"A\"")]
    [InlineData("""{"\u0042":1}""", """{"A":1}""")]
    public void Escaped_strings_of_other_text_differ(string existing, string wanted) =>
        Assert.False(Satisfies(existing, wanted));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":1,"b":[1,2],"c":{"d":null}}""")]
    public void An_empty_wanted_object_is_satisfied_by_any_object(string existing) =>
        Assert.True(Satisfies(existing, "{}"));

    [Theory]
    [InlineData("[]", "{}")]
    [InlineData("\"{}\"", "{}")]
    [InlineData("{}", "[]")]
    [InlineData("1", "true")]
    [InlineData("true", "false")]
    [InlineData("false", "true")]
    [InlineData("null", "false")]
    [InlineData("null", "\"\"")]
    [InlineData("null", "{}")]
    [InlineData("\"true\"", "true")]
    [InlineData("""{"a":[]}""", """{"a":{}}""")]
    [InlineData("""{"a":{"b":"1"}}""", """{"a":{"b":1}}""")]
    public void Type_mismatches_do_not_satisfy(string existing, string wanted) =>
        Assert.False(Satisfies(existing, wanted));

    [Fact]
    public void A_wanted_null_is_satisfied_by_anything() =>
        Assert.True(Satisfies("""{"x":[1,2]}""", "null"));
}
