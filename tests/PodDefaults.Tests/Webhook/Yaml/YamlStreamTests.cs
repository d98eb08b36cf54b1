using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>A YAML stream becomes one JSON text per document with content.</summary>
public class YamlStreamTests
{
    [Fact]
    public void Each_document_becomes_one_json_text_and_empty_ones_are_skipped()
    {
        var documents = YamlToJson.Convert(
            """
            # leading comment
            a: 1
            ---
            ---
            # a document of comments only
            ---
            b: [x, "y"]
            ...
            ---
            --- c
            """);

        Assert.Collection(
            documents,
            first =>
            {
                Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(first.Json));
                Assert.Equal(2, first.Line);
            },
            second =>
            {
                Assert.Equal("{\"b\":[\"x\",\"y\"]}", Encoding.UTF8.GetString(second.Json));
                Assert.Equal(7, second.Line);
            },
            third =>
            {
                Assert.Equal("\"c\"", Encoding.UTF8.GetString(third.Json));
                Assert.Equal(10, third.Line);
            });
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only\n# comments\n")]
    [InlineData("---\n# nothing\n---\n...\n")]
    public void A_stream_without_content_gives_no_documents(string yaml) => Assert.Empty(YamlToJson.Convert(yaml));

    [Fact]
    public void A_document_that_says_null_is_kept_as_json_null()
    {
        // Only documents with no content are skipped; what a `~` document means is for the caller to judge.
        Assert.Equal("null", YamlJson.Single("--- ~\n"));
    }

    [Fact]
    public void Reads_from_a_text_reader()
    {
        using var reader = new StringReader("kind: PodDefault\n---\nkind: List\n");
        Assert.Equal(2, YamlToJson.Convert(reader).Count);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_not_content()
    {
        Assert.Equal("{\"kind\":\"PodDefault\",\"b\":\"x\\ny\\n\"}", YamlJson.Single("\uFEFFkind: PodDefault\r\nb: |\r\n  x\r\n  y\r\n"));
    }

    [Fact]
    public void Flow_and_block_collections_nest_in_document_order()
    {
        Assert.Equal(
            "{\"z\":{\"b\":[1,{\"c\":null}],\"a\":{}},\"w\":[],\"x\":[[\"deep\"]]}",
            YamlJson.Single("z:\n  b: [1, {c: ~}]\n  a: {}\nw: []\nx:\n- - deep\n"));
    }

    [Fact]
    public void A_json_text_is_read_as_the_yaml_it_also_is()
    {
        YamlJson.AssertJsonEqual(
            "{\"a\":[1,2.5,\"s\",true,null],\"b\":{\"c\":\"d\"}}",
            YamlJson.Single("{\"a\": [1, 2.5, \"s\", true, null], \"b\": {\"c\": \"d\"}}"));
    }
}
