using static PodDefaults.Core.Fields.PodDefaultFields;
namespace PodDefaults.Tests.Core.Model;

public sealed class PodDefaultParserTests
{
    private const string Valid = """
        {
          "apiVersion": "kubeflow.org/v1alpha1",
          "kind": "PodDefault",
          "metadata": {"name": "add-gpu", "namespace": "team", "resourceVersion": "17"},
          "spec": {
            "selector": {"matchLabels": {"add-gpu": "true"}},
            "desc": "GPU",
            "env": [{"name": "A", "value": "1"}],
            "resources": {"limits": {"nvidia.com/gpu": "1"}}
          }
        }
        """;

    private static PodDefault Parse(string json, string? defaultNamespace = null, bool deriveResourceVersion = false)
    {
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement, defaultNamespace, deriveResourceVersion);
    }

    /// <summary>The valid PodDefault with one member (given by a JSON Pointer) replaced by a value, or removed when it is null.</summary>
    private static string With(string pointer, string? valueJson)
    {
        var root = JsonNode.Parse(Valid)!;
        var tokens = pointer.Split('/')[1..].Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var parent = root;
        foreach (var token in tokens[..^1])
            parent = parent[token] ?? (parent[token] = new JsonObject());
        if (valueJson is null)
            parent.AsObject().Remove(tokens[^1]);
        else
            parent[tokens[^1]] = JsonNode.Parse(valueJson);
        return root.ToJsonString();
    }

    [Fact]
    public void A_valid_object_parses()
    {
        var podDefault = Parse(Valid);

        Assert.Equal("team", podDefault.Namespace);
        Assert.Equal("add-gpu", podDefault.Name);
        Assert.Equal("17", podDefault.ResourceVersion);
        Assert.True(podDefault.Selector.IsValid);
        Assert.Equal("A", Assert.Single(podDefault.Spec[Named("env")]).Key);
        Assert.Equal("nvidia.com/gpu", Assert.Single(podDefault.Spec.Limits).ResourceName);
        Assert.Equal("poddefault.admission.kubeflow.org/poddefault-add-gpu", podDefault.Marker.Key);
    }

    [Theory]
    [InlineData("/kind", "\"Pod\"", "/kind")]
    [InlineData("/metadata", null, "/metadata")]
    [InlineData("/metadata", "\"x\"", "/metadata")]
    [InlineData("/metadata/name", null, "/metadata/name")]
    [InlineData("/metadata/name", "\"\"", "/metadata/name")]
    [InlineData("/metadata/name", "7", "/metadata/name")]
    [InlineData("/metadata/namespace", null, "/metadata/namespace")]
    [InlineData("/metadata/resourceVersion", null, "/metadata/resourceVersion")]
    [InlineData("/spec", "[]", "/spec")]
    [InlineData("/spec/env", "{}", "/spec/env")]
    [InlineData("/spec/env", "[{\"name\":\"A\"},\"B\"]", "/spec/env/1")]
    [InlineData("/spec/env", "[{\"name\":\"A\"},{\"value\":\"1\"}]", "/spec/env/1")]
    [InlineData("/spec/env", "[{\"name\":\"\"}]", "/spec/env/0")]
    [InlineData("/spec/env", "[{\"name\":3}]", "/spec/env/0")]
    [InlineData("/spec/envFrom", "[3]", "/spec/envFrom/0")]
    [InlineData("/spec/envFrom", "\"x\"", "/spec/envFrom")]
    [InlineData("/spec/volumes", "[{\"name\":\"v\"},{\"emptyDir\":{}}]", "/spec/volumes/1")]
    [InlineData("/spec/volumeMounts", "[{\"name\":\"v\"}]", "/spec/volumeMounts/0")]
    [InlineData("/spec/tolerations", "[{},[]]", "/spec/tolerations/1")]
    [InlineData("/spec/initContainers", "[{\"image\":\"busybox\"}]", "/spec/initContainers/0")]
    [InlineData("/spec/sidecars", "{\"name\":\"s\"}", "/spec/sidecars")]
    [InlineData("/spec/imagePullSecrets", "[\"regcred\"]", "/spec/imagePullSecrets/0")]
    [InlineData("/spec/labels", "[]", "/spec/labels")]
    [InlineData("/spec/labels", "{\"a\":\"1\",\"b\":2}", "/spec/labels/b")]
    [InlineData("/spec/annotations", "{\"example.com/x~y\":true}", "/spec/annotations/example.com~1x~0y")]
    [InlineData("/spec/nodeSelector", "{\"disk\":null}", "/spec/nodeSelector/disk")]
    [InlineData("/spec/securityContext", "\"root\"", "/spec/securityContext")]
    [InlineData("/spec/affinity", "[]", "/spec/affinity")]
    [InlineData("/spec/serviceAccountName", "5", "/spec/serviceAccountName")]
    [InlineData("/spec/automountServiceAccountToken", "\"true\"", "/spec/automountServiceAccountToken")]
    [InlineData("/spec/command", "\"sleep\"", "/spec/command")]
    [InlineData("/spec/command", "[\"sleep\",1]", "/spec/command")]
    [InlineData("/spec/args", "[null]", "/spec/args")]
    [InlineData("/spec/resources", "[]", "/spec/resources")]
    [InlineData("/spec/resources/limits", "\"2\"", "/spec/resources/limits")]
    [InlineData("/spec/resources/limits", "{\"cpu\":\"2 cores\"}", "/spec/resources/limits/cpu")]
    [InlineData("/spec/resources/limits", "{\"nvidia.com/gpu\":true}", "/spec/resources/limits/nvidia.com~1gpu")]
    [InlineData("/spec/resources/requests", "{\"memory\":\"1GiB\"}", "/spec/resources/requests/memory")]
    public void Each_malformed_field_names_its_pointer(string member, string? valueJson, string pointer)
    {
        var error = Assert.Throws<PodDefaultFormatException>(() => Parse(With(member, valueJson)));

        Assert.Equal(pointer, error.Pointer);
        Assert.StartsWith(pointer + ": ", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"PodDefault\"")]
    [InlineData("null")]
    public void A_value_that_is_not_an_object_points_at_the_root(string json)
    {
        var error = Assert.Throws<PodDefaultFormatException>(() => Parse(json));
        Assert.Equal("", error.Pointer);
        Assert.StartsWith("(object): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_namespace_takes_the_default_namespace() =>
        Assert.Equal("files", Parse(With("/metadata/namespace", null), defaultNamespace: "files").Namespace);

    [Fact]
    public void Null_members_count_as_absent()
    {
        var podDefault = Parse(With("/spec/env", "null"));
        Assert.Empty(podDefault.Spec[Named("env")]);
        Assert.Empty(Parse(With("/spec/command", "null")).Spec[Named("command")]);
        Assert.Empty(Parse(With("/spec/automountServiceAccountToken", "null")).Spec[Named("automountServiceAccountToken")]);
    }

    [Fact]
    public void A_missing_resourceVersion_is_an_error_unless_derived()
    {
        var withoutVersion = With("/metadata/resourceVersion", null);

        Assert.Equal("/metadata/resourceVersion", Assert.Throws<PodDefaultFormatException>(() => Parse(withoutVersion)).Pointer);
        Assert.False(string.IsNullOrEmpty(Parse(withoutVersion, deriveResourceVersion: true).ResourceVersion));
    }

    [Fact]
    public void A_given_resourceVersion_is_kept_even_when_derivation_is_on() =>
        Assert.Equal("17", Parse(Valid, deriveResourceVersion: true).ResourceVersion);

    [Fact]
    public void The_derived_resourceVersion_is_deterministic_and_follows_the_content()
    {
        var withoutVersion = With("/metadata/resourceVersion", null);
        var first = Parse(withoutVersion, deriveResourceVersion: true).ResourceVersion;

        // Same content, other whitespace: same version.
        var reformatted = JsonNode.Parse(withoutVersion)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Assert.Equal(first, Parse(withoutVersion, deriveResourceVersion: true).ResourceVersion);
        Assert.Equal(first, Parse(reformatted, deriveResourceVersion: true).ResourceVersion);

        // Any change of content: another version, so the marker tells pods made before the change.
        var changedEnv = JsonNode.Parse(withoutVersion)!;
        changedEnv["spec"]!["env"]![0]!["value"] = "2";
        Assert.NotEqual(first, Parse(changedEnv.ToJsonString(), deriveResourceVersion: true).ResourceVersion);
        var changedSelector = JsonNode.Parse(withoutVersion)!;
        changedSelector["spec"]!["selector"]!["matchLabels"]!["add-gpu"] = "yes";
        Assert.NotEqual(first, Parse(changedSelector.ToJsonString(), deriveResourceVersion: true).ResourceVersion);
    }

    [Fact]
    public void The_derived_resourceVersion_differs_between_PodDefaults()
    {
        var other = JsonNode.Parse(With("/metadata/resourceVersion", null))!;
        other["metadata"]!["name"] = "other";

        Assert.NotEqual(
            Parse(With("/metadata/resourceVersion", null), deriveResourceVersion: true).ResourceVersion,
            Parse(other.ToJsonString(), deriveResourceVersion: true).ResourceVersion);
    }

    [Fact]
    public void A_spec_without_selector_or_without_spec_is_usable_but_skipped()
    {
        var noSelector = Parse(With("/spec/selector", null));
        Assert.False(noSelector.Selector.IsValid);
        Assert.Equal("spec.selector is missing", noSelector.Selector.Error);

        var noSpec = Parse(With("/spec", null));
        Assert.False(noSpec.Selector.IsValid);
        Assert.Equal("spec is missing", noSpec.Selector.Error);
    }
}
