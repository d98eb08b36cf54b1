using PodDefaults.Webhook.Yaml;
using static PodDefaults.Tests.Webhook.Yaml.YamlJson;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Every error is a <see cref="YamlToJsonException"/> that says where and why.</summary>
public class YamlToJsonErrorTests
{
    [Fact]
    public void A_duplicate_key_names_the_key_and_both_lines()
    {
        var error = Error("metadata:\n  name: a\n  labels: {}\n  name: b\n");
        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal("duplicate key 'name' in one mapping (first at line 2)", error.Reason);
        Assert.Equal("line 4, column 3: duplicate key 'name' in one mapping (first at line 2)", error.Message);
    }

    [Fact]
    public void Keys_that_become_the_same_member_name_are_duplicates()
    {
        var error = Error("1: a\n\"1\": b\n");
        Assert.Equal(2, error.Line);
        Assert.StartsWith("duplicate key '1'", error.Reason);
    }

    [Fact]
    public void The_same_key_in_different_mappings_is_fine()
    {
        Assert.Equal("[{\"name\":\"a\"},{\"name\":\"b\"}]", Single("- name: a\n- name: b\n"));
    }

    [Theory]
    [InlineData("a:\n  b: 1\n c: 2\n", 3, 2)] // dedented below its siblings
    [InlineData("a:\n  b: 1\n    c: 2\n", 3, 6)] // indented under a scalar
    [InlineData("spec:\n  env:\n    - name: A\n   value: x\n", 4, 4)]
    [InlineData("key: value\n- item\n", 2, 1)]
    [InlineData("a: b: c\n", 1, 5)]
    public void Bad_indentation_is_reported_at_its_line(string yaml, int line, int column)
    {
        var error = Error(yaml);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.IsAssignableFrom<YamlDotNet.Core.YamlException>(error.InnerException);
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_its_line_not_at_its_mapping()
    {
        var error = Error("x: 1\ny:\n  z: 2\n  w:\n\tb: 1\n");
        Assert.Equal(5, error.Line);
        Assert.Contains("tab", error.Reason);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_where_the_scanner_gave_up()
    {
        var error = Error("a: 1\nb: \"never closed\nc: 2\n");
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_a_yaml_error_not_a_crash()
    {
        // YamlDotNet fails this one with an InvalidOperationException of its own.
        var error = Error("a: [1, 2\n\n\nb: 3\n");
        Assert.Equal(4, error.Line);
        Assert.StartsWith("malformed YAML", error.Reason);
    }

    [Fact]
    public void An_error_in_a_later_document_has_its_line_in_the_stream()
    {
        var error = Error("a: 1\n---\nb: 2\nb: 3\n");
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var depth = YamlLimits.MaxDepth + 1;
        var error = Error(new string('[', depth) + new string(']', depth));
        Assert.Equal(1, error.Line);
        Assert.Contains("nest deeper than", error.Reason);
    }

    [Fact]
    public void Nesting_up_to_the_limit_converts()
    {
        var depth = YamlLimits.MaxDepth;
        Assert.Equal(new string('[', depth) + new string(']', depth), Single(new string('[', depth) + new string(']', depth)));
    }

    [Fact]
    public void Aliases_that_nest_beyond_the_limit_are_an_error()
    {
        var half = (YamlLimits.MaxDepth / 2) + 1;
        var deep = new string('[', half) + new string(']', half);
        var error = Error($"a: &a {deep}\nb: {new string('[', half)}*a{new string(']', half)}\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("deeper than", error.Reason);
    }
}
