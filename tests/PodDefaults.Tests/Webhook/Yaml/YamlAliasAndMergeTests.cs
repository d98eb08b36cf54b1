using PodDefaults.Webhook.Yaml;
using static PodDefaults.Tests.Webhook.Yaml.YamlJson;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Anchors, aliases and merge keys are expanded; alias bombs and self-references are refused.</summary>
public class YamlAliasAndMergeTests
{
    [Fact]
    public void Aliases_repeat_the_anchored_node()
    {
        Assert.Equal(
            "{\"base\":{\"a\":1,\"b\":[\"x\"]},\"copy\":{\"a\":1,\"b\":[\"x\"]},\"list\":[\"hi\",{\"a\":1,\"b\":[\"x\"]}],\"s\":\"hi\"}",
            Single("base: &base {a: 1, b: [x]}\ncopy: *base\nlist: [&s hi, *base]\ns: *s\n"));
    }

    [Fact]
    public void A_later_anchor_of_the_same_name_replaces_the_earlier_one()
    {
        Assert.Equal("[1,1,2,2]", Single("[&a 1, *a, &a 2, *a]"));
    }

    [Fact]
    public void An_alias_key_names_the_member_with_the_anchored_text()
    {
        Assert.Equal("{\"name\":\"k\",\"k\":1}", Single("name: &n k\n*n : 1\n"));
    }

    [Fact]
    public void Merge_keys_bring_in_members_and_explicit_keys_win_wherever_they_stand()
    {
        var json = Single(
            """
            defaults: &defaults
              image: busybox
              imagePullPolicy: Always
            after:
              <<: *defaults
              imagePullPolicy: IfNotPresent
            before:
              imagePullPolicy: Never
              <<: *defaults
            """);

        AssertJsonEqual(
            """
            {
              "defaults": {"image": "busybox", "imagePullPolicy": "Always"},
              "after": {"image": "busybox", "imagePullPolicy": "IfNotPresent"},
              "before": {"imagePullPolicy": "Never", "image": "busybox"}
            }
            """,
            json);
    }

    [Fact]
    public void In_a_list_of_merged_mappings_the_earlier_one_wins()
    {
        var json = Single(
            """
            a: &a {x: from-a, only-a: 1}
            b: &b {x: from-b, only-b: 2}
            m:
              <<: [*a, *b, {x: inline, only-inline: 3}]
              own: 4
            """);

        Assert.Equal(
            "{\"x\":\"from-a\",\"only-a\":1,\"only-b\":2,\"only-inline\":3,\"own\":4}",
            System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("m").GetRawText());
    }

    [Fact]
    public void Merged_mappings_may_merge_in_turn()
    {
        AssertJsonEqual(
            "{\"a\":{\"x\":1},\"b\":{\"x\":1,\"w\":2},\"c\":{\"x\":1,\"w\":2,\"z\":3}}",
            Single("a: &a {x: 1}\nb: &b {<<: *a, w: 2}\nc: {<<: *b, z: 3}\n"));
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        Assert.Equal("{\"<<\":{\"x\":1}}", Single("\"<<\": {x: 1}"));
    }

    [Theory]
    [InlineData("a: 1\nm:\n  <<: *nope\n", 3, "alias *nope has no anchor &nope before it")]
    [InlineData("m:\n  <<: 1\n", 2, "a merge key (<<) takes a mapping")]
    [InlineData("s: &s [1]\nm:\n  <<: *s\n", 3, "a merge key (<<) takes a mapping")]
    [InlineData("a: &a {x: 1}\nm:\n  <<: [*a, plain]\n", 3, "a merge key (<<) takes a mapping")]
    [InlineData("a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n", 4, "duplicate key '<<'")]
    public void Bad_merges_are_errors_at_their_line(string yaml, int line, string reason)
    {
        var error = Error(yaml);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(reason, error.Reason);
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_an_error()
    {
        var error = Error("a: &a\n  b: [1, *a]\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("is inside the node it names", error.Reason);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_expands()
    {
        // Nine levels of nine aliases: 9^9 (387 million) strings from ten short lines.
        var error = Error(
            """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """);

        Assert.Contains("alias bomb", error.Reason);
        Assert.InRange(error.Line, 3, 9);
    }

    [Fact]
    public void A_bomb_through_merge_keys_is_refused_too()
    {
        // Each level merges the previous one and holds it twice more: 3^30 nodes if expanded.
        var lines = new List<string> { "l0: &l0 {x: [1, 2, 3, 4, 5, 6, 7, 8]}" };
        for (var i = 1; i <= 30; i++)
        {
            lines.Add($"l{i}: &l{i} {{<<: *l{i - 1}, a{i}: *l{i - 1}, b{i}: *l{i - 1}}}");
        }

        Assert.Contains("alias bomb", Error(string.Join('\n', lines)).Reason);
    }

    [Fact]
    public void Reasonable_reuse_is_well_within_the_budget()
    {
        // 200 containers, each merging a 40-node block: thousands of nodes, not hundreds of thousands.
        var block = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"  k{i}: v{i}"));
        var uses = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"- <<: *block\n  name: c{i}"));
        var json = Single($"block: &block\n{block}\nitems:\n{uses}\n".Replace("- <<", "  - <<").Replace("\n  name", "\n    name"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("items");
        Assert.Equal(200, items.GetArrayLength());
        Assert.Equal("v19", items[199].GetProperty("k19").GetString());
        Assert.Equal("c199", items[199].GetProperty("name").GetString());
    }

    [Fact]
    public void A_large_value_aliased_many_times_is_refused_by_the_bytes_it_would_take()
    {
        // 1 MiB written once and aliased 400 times: a few hundred nodes, 400 MiB of JSON.
        var big = new string('x', 1024 * 1024);
        var aliases = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"k{i}: *big"));

        var error = Error($"big: &big {big}\n{aliases}\n");

        Assert.Contains("passes 16 MiB", error.Reason);
        Assert.InRange(error.Line, 2, 401);
    }

    [Fact]
    public void The_bytes_of_all_documents_of_a_stream_count_together()
    {
        var big = new string('x', 5 * 1024 * 1024);
        var documents = string.Join("---\n", Enumerable.Range(0, 4).Select(_ => $"v: {big}\n"));

        Assert.Contains("passes 16 MiB", Error(documents).Reason);
        Assert.Equal(3, YamlToJson.Convert(string.Join("---\n", Enumerable.Range(0, 3).Select(_ => $"v: {big}\n"))).Count);
    }
}
