using PodDefaults.Core.Fields;
namespace PodDefaults.Tests.Core.Model;

/// <summary>
/// Invalid selectors are not format errors: the PodDefault parses, is unusable, and its warning names it
/// (docs/semantics.md §3).
/// </summary>
public sealed class SelectorParserTests
{
    private static PodDefault WithSelector(string selectorJson)
    {
        var json = $$$"""
            {"kind":"PodDefault","metadata":{"name":"bad-one","namespace":"team","resourceVersion":"1"},
             "spec":{"selector":{{{selectorJson}}},"env":[{"name":"A","value":"1"}]}}
            """;
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement);
    }

    [Theory]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"Equals","values":["x"]}]}""", "unknown operator \"Equals\"")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"1","values":["x"]}]}""", "unknown operator \"1\"")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"in","values":["x"]}]}""", "unknown operator \"in\"")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":1,"values":["x"]}]}""", "operator")]
    [InlineData("""{"matchExpressions":[{"key":"a","values":["x"]}]}""", "operator")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"In","values":[]}]}""", "In needs at least one value")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"In"}]}""", "In needs at least one value")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"NotIn","values":null}]}""", "NotIn needs at least one value")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]}""", "Exists takes no values")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"DoesNotExist","values":["x"]}]}""", "DoesNotExist takes no values")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"In","values":["x",2]}]}""", "non-string")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"In","values":"x"}]}""", "values is not a list")]
    [InlineData("""{"matchExpressions":[{"operator":"Exists"}]}""", "key is missing")]
    [InlineData("""{"matchExpressions":[{"key":"","operator":"Exists"}]}""", "key is missing")]
    [InlineData("""{"matchExpressions":["a"]}""", "not an object")]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"Exists"},{"key":"b","operator":"Bogus"}]}""", "matchExpressions[1]")]
    [InlineData("""{"matchExpressions":{"key":"a","operator":"Exists"}}""", "matchExpressions is not a list")]
    [InlineData("""{"matchLabels":{"a":1}}""", "matchLabels[a] is not a string")]
    [InlineData("""{"matchLabels":{"a":"x","b":true}}""", "matchLabels[b] is not a string")]
    [InlineData("""{"matchLabels":{"a":null}}""", "matchLabels[a] is not a string")]
    [InlineData("""{"matchLabels":["a"]}""", "matchLabels is not an object")]
    [InlineData("\"app=x\"", "not an object")]
    [InlineData("null", "missing")]
    public void An_invalid_selector_makes_an_unusable_PodDefault_with_a_warning(string selectorJson, string reason)
    {
        var podDefault = WithSelector(selectorJson);

        Assert.False(podDefault.Selector.IsValid);
        Assert.Null(podDefault.Selector.Selector);
        Assert.Contains(reason, podDefault.Selector.Error, StringComparison.Ordinal);
        // The rest of the spec is still read: the object itself is fine.
        Assert.Single(podDefault.Spec[PodDefaultFields.Named("env")]);
    }

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("""{"matchLabels":null,"matchExpressions":null}""", 0)]
    [InlineData("""{"matchLabels":{"a":"x","b":""}}""", 2)]
    [InlineData("""{"matchExpressions":[{"key":"a","operator":"In","values":["x","y"]},{"key":"b","operator":"Exists","values":null}]}""", 2)]
    [InlineData("""{"matchLabels":{"a":"x"},"matchExpressions":[{"key":"b","operator":"DoesNotExist"},{"key":"c","operator":"NotIn","values":["z"]}]}""", 3)]
    public void A_valid_selector_lists_every_term(string selectorJson, int terms)
    {
        var podDefault = WithSelector(selectorJson);

        Assert.True(podDefault.Selector.IsValid);
        Assert.Null(podDefault.Selector.Error);
        Assert.Equal(terms, podDefault.Selector.Selector!.Requirements.Count);
    }
}
