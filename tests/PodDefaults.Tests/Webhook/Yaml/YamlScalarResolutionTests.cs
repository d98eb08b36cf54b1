using static PodDefaults.Tests.Webhook.Yaml.YamlJson;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Scalars take the types sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) gives them.</summary>
public class YamlScalarResolutionTests
{
    [Theory]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"yes\"", "\"yes\"")]
    [InlineData("\"1\"", "\"1\"")]
    [InlineData("'010'", "\"010\"")]
    [InlineData("\"~\"", "\"~\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\".inf\"", "\".inf\"")]
    public void Quoted_scalars_are_strings(string yaml, string json) => Assert.Equal(json, ValueOf(yaml));

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("ON")]
    public void Plain_yaml_1_1_true_words_are_true(string yaml) => Assert.Equal("true", ValueOf(yaml));

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("OFF")]
    public void Plain_yaml_1_1_false_words_are_false(string yaml) => Assert.Equal("false", ValueOf(yaml));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Plain_null_words_and_nothing_are_null(string yaml) => Assert.Equal("null", ValueOf(yaml));

    [Theory]
    [InlineData("yEs")]
    [InlineData("nULL")]
    [InlineData("truE")]
    [InlineData("Enabled")]
    [InlineData("1.2.3")]
    [InlineData("12abc")]
    [InlineData("0x")]
    [InlineData("0xG1")]
    [InlineData("1:20")]
    [InlineData("2001-12-14")]
    [InlineData(".")]
    [InlineData("1e400")]
    [InlineData("-0x10000000000000000")]
    [InlineData("<<")]
    public void Other_plain_scalars_stay_strings(string yaml) => Assert.Equal($"\"{yaml}\"", ValueOf(yaml));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("+1", "1")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("0x1F", "31")]
    [InlineData("0X1f", "31")]
    [InlineData("-0x1F", "-31")]
    [InlineData("010", "8")]
    [InlineData("-010", "-8")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("-0b101", "-5")]
    [InlineData("0b1111_0000", "240")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    public void Plain_integers_are_integers(string yaml, string json) => Assert.Equal(json, ValueOf(yaml));

    [Theory]
    [InlineData("9223372036854775808", "9223372036854775808")] // a uint64 for go-yaml
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("0xFFFFFFFFFFFFFFFF", "18446744073709551615")]
    [InlineData("0x10000000000000000", "18446744073709551616")] // the Kubernetes fork's big.Int: exact
    [InlineData("18446744073709551616", "18446744073709552000")] // a decimal past uint64 is a float64 in go-yaml
    public void Integers_beyond_int64_are_numbers_as_go_yaml_reads_them(string yaml, string json) =>
        Assert.Equal(json, ValueOf(yaml));

    [Theory]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("1.0", "1")]
    [InlineData("1.", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("+.5", "0.5")]
    [InlineData("1_000.5", "1000.5")]
    [InlineData("08", "8")] // not octal, so go-yaml reads it as the float 8
    [InlineData("09.5", "9.5")]
    [InlineData("6.02e23", "6.02e+23")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("-0.0", "-0")]
    public void Plain_floats_are_numbers_written_as_go_writes_them(string yaml, string json) =>
        Assert.Equal(json, ValueOf(yaml));

    [Theory]
    [InlineData(".inf")]
    [InlineData(".Inf")]
    [InlineData("+.INF")]
    [InlineData("-.inf")]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    public void Infinity_and_nan_are_errors_naming_the_line(string yaml)
    {
        var error = Error("a: 1\nv: " + yaml + "\n");
        Assert.Equal(2, error.Line);
        Assert.Equal(4, error.Column);
        Assert.Contains("JSON cannot hold", error.Reason);
    }

    [Theory]
    [InlineData("!!str 123", "\"123\"")]
    [InlineData("!!str true", "\"true\"")]
    [InlineData("!!str ~", "\"~\"")]
    [InlineData("!!str", "\"\"")]
    [InlineData("!!int \"12\"", "12")]
    [InlineData("!!int 0x10", "16")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!float \"2.5\"", "2.5")]
    [InlineData("!!bool yes", "true")]
    [InlineData("!!bool 'false'", "false")]
    [InlineData("!!null ~", "null")]
    [InlineData("!!null", "null")]
    [InlineData("! 12", "\"12\"")]
    [InlineData("!custom 12", "\"12\"")]
    [InlineData("!!timestamp 2001-12-14", "\"2001-12-14\"")]
    public void Explicit_tags_are_honoured(string yaml, string json) => Assert.Equal(json, ValueOf(yaml));

    [Theory]
    [InlineData("!!int abc", "'abc' is not a valid !!int")]
    [InlineData("!!int 1.5", "'1.5' is not a valid !!int")]
    [InlineData("!!bool 1", "'1' is not a valid !!bool")]
    [InlineData("!!null x", "'x' is not a valid !!null")]
    [InlineData("!!float yes", "'yes' is not a valid !!float")]
    [InlineData("!!binary aGVsbG8=", "!!binary has no JSON form")]
    public void Values_that_contradict_their_tag_are_errors(string yaml, string reason)
    {
        var error = Error("v: " + yaml);
        Assert.Equal(1, error.Line);
        Assert.StartsWith(reason, error.Reason);
    }

    [Fact]
    public void Literal_block_scalars_keep_their_newlines_and_stay_strings()
    {
        Assert.Equal("\"first\\nsecond\\n\\nthird\\n\"", ValueOf("|\n  first\n  second\n\n  third\n"));
        Assert.Equal("\"true\"", ValueOf("|-\n  true\n"));
        Assert.Equal("\"  indented\\nkept\"", ValueOf("|2-\n    indented\n  kept\n"));
    }

    [Fact]
    public void Folded_block_scalars_join_lines_but_keep_paragraph_breaks()
    {
        Assert.Equal("\"one two\\nthree\\n\"", ValueOf(">\n  one\n  two\n\n  three\n"));
        Assert.Equal("\"10\"", ValueOf(">-\n  10\n"));
    }

    [Fact]
    public void Double_quoted_escapes_and_unicode_round_trip()
    {
        var json = Single("v: \"caf\\u00e9 \\U0001F600 tab\\there \\\"q\\\" back\\\\slash \\x41 \\/ 日本語\"\n"
            + "w: 'it''s ünïcødé'\nx: \"line1\\nline2\\r\\0end\"\n");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("café 😀 tab\there \"q\" back\\slash A / 日本語", root.GetProperty("v").GetString());
        Assert.Equal("it's ünïcødé", root.GetProperty("w").GetString());
        Assert.Equal("line1\nline2\r\0end", root.GetProperty("x").GetString());
    }

    [Theory]
    [InlineData("true: a", "{\"true\":\"a\"}")]
    [InlineData("yes: a", "{\"true\":\"a\"}")]
    [InlineData("y: a", "{\"true\":\"a\"}")]
    [InlineData("off: a", "{\"false\":\"a\"}")]
    [InlineData("1: a", "{\"1\":\"a\"}")]
    [InlineData("0x10: a", "{\"16\":\"a\"}")]
    [InlineData("1.5: a", "{\"1.5\":\"a\"}")]
    [InlineData("1e6: a", "{\"1e+06\":\"a\"}")]
    [InlineData(".inf: a", "{\".inf\":\"a\"}")]
    [InlineData("\"null\": a", "{\"null\":\"a\"}")]
    public void Non_string_keys_become_text_as_sigs_k8s_io_yaml_makes_them(string yaml, string json) =>
        Assert.Equal(json, Single(yaml));

    [Theory]
    [InlineData("~: a", "a null key")]
    [InlineData("? \n: a", "a null key")]
    [InlineData("18446744073709551615: a", "the integer key 18446744073709551615 does not fit in 64 bits")]
    [InlineData("? [a, b]\n: c", "a mapping key must be a scalar to name a JSON member, not a sequence")]
    [InlineData("{ {a: 1}: c }", "a mapping key must be a scalar to name a JSON member, not a mapping")]
    public void Keys_that_cannot_name_a_member_are_errors(string yaml, string reason)
    {
        var error = Error(yaml);
        Assert.Equal(1, error.Line);
        Assert.StartsWith(reason, error.Reason);
    }
}
