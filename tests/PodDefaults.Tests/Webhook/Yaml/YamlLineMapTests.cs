using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Each document records the line of each node by JSON Pointer.</summary>
public class YamlLineMapTests
{
    private const string Yaml =
        """
        apiVersion: kubeflow.org/v1alpha1
        kind: PodDefault
        metadata:
          name: add-env
          annotations:
            example.com/owner~team: ml
        spec:
          env:
            - name: A
              value: "1"
            - name: B
              valueFrom:
                secretKeyRef: {name: s, key: k}
          volumes:
          - name: cache
            emptyDir: {}
          tolerations: *tolerations
        """;

    private static YamlLineMap Lines(string yaml) => Assert.Single(YamlToJson.Convert(yaml)).Lines;

    [Theory]
    [InlineData("", 1)]
    [InlineData("/kind", 2)]
    [InlineData("/metadata", 3)]
    [InlineData("/metadata/name", 4)]
    [InlineData("/metadata/annotations/example.com~1owner~0team", 6)]
    [InlineData("/spec", 7)]
    [InlineData("/spec/env", 8)]
    [InlineData("/spec/env/0", 9)]
    [InlineData("/spec/env/0/value", 10)]
    [InlineData("/spec/env/1", 11)]
    [InlineData("/spec/env/1/valueFrom/secretKeyRef", 13)]
    [InlineData("/spec/env/1/valueFrom/secretKeyRef/key", 13)]
    [InlineData("/spec/volumes/0", 15)]
    [InlineData("/spec/volumes/0/emptyDir", 16)]
    public void Every_node_has_its_line(string pointer, int line)
    {
        var lines = Lines(Yaml.Replace("*tolerations", "[]"));
        Assert.True(lines.TryGetLine(pointer, out var recorded), pointer);
        Assert.Equal(line, recorded);
        Assert.Equal(line, lines.LineOf(pointer));
    }

    [Theory]
    [InlineData("/spec/env/7", 8)]
    [InlineData("/spec/env/1/valueFrom/configMapKeyRef/key", 12)]
    [InlineData("/spec/volumes/0/emptyDir/medium", 16)]
    [InlineData("/status/conditions/0", 1)]
    public void A_node_that_is_not_there_takes_the_line_of_its_nearest_ancestor(string pointer, int line)
    {
        var lines = Lines(Yaml.Replace("*tolerations", "[]"));
        Assert.False(lines.TryGetLine(pointer, out _));
        Assert.Equal(line, lines.LineOf(pointer));
    }

    [Fact]
    public void Lines_count_from_the_start_of_the_stream_in_every_document()
    {
        var documents = YamlToJson.Convert("a: 1\n---\n# second\nkind: PodDefault\nspec:\n  env:\n  - name: X\n");
        Assert.Equal(2, documents.Count);
        Assert.Equal(4, documents[1].Line);
        Assert.Equal(7, documents[1].Lines.LineOf("/spec/env/0/name"));
    }

    [Fact]
    public void An_alias_has_its_own_line_and_its_content_keeps_the_anchor_lines()
    {
        var lines = Lines(
            """
            x:
              common: &tolerations
                - key: gpu
                  operator: Exists
            spec:
              tolerations: *tolerations
            """);

        Assert.Equal(6, lines.LineOf("/spec/tolerations"));
        Assert.Equal(3, lines.LineOf("/spec/tolerations/0"));
        Assert.Equal(4, lines.LineOf("/spec/tolerations/0/operator"));
    }

    [Fact]
    public void Merged_members_have_the_line_of_the_key_they_come_from()
    {
        var lines = Lines("base: &base\n  image: busybox\n  pull: Always\nc:\n  <<: *base\n  pull: Never\n");
        Assert.Equal(2, lines.LineOf("/c/image"));
        Assert.Equal(6, lines.LineOf("/c/pull"));
    }
}
