using PodDefaults.Core.Fields;
namespace PodDefaults.Tests.Deploy;

public class CrdTests
{
    [Fact]
    public void Is_kubeflows_resource()
    {
        var spec = PodDefaultCrd.Definition["spec"]!;
        var names = spec["names"]!;

        Assert.Equal("kubeflow.org", (string?)spec["group"]);
        Assert.Equal("Namespaced", (string?)spec["scope"]);
        Assert.Equal("PodDefault", (string?)names["kind"]);
        Assert.Equal("PodDefaultList", (string?)names["listKind"]);
        Assert.Equal("poddefaults", (string?)names["plural"]);
        Assert.Equal("poddefault", (string?)names["singular"]);
        Assert.True((bool?)PodDefaultCrd.Version["served"]);
        Assert.True((bool?)PodDefaultCrd.Version["storage"]);
    }

    [Fact]
    public void Declares_every_spec_field_the_engine_reads()
    {
        Assert.All(PodDefaultFields.SpecMembers, field =>
            Assert.True(PodDefaultCrd.SpecProperties.ContainsKey(field), $"spec.{field} is not in the CRD"));
    }

    [Fact]
    public void Declares_every_spec_field_of_kubeflows_crd()
    {
        // The spec members of Kubeflow's CRD (kubeflow/dashboard, components/poddefaults-webhooks).
        string[] kubeflow =
        [
            "annotations", "args", "automountServiceAccountToken", "command", "desc", "env", "envFrom",
            "imagePullSecrets", "initContainers", "labels", "selector", "serviceAccountName", "sidecars",
            "tolerations", "volumeMounts", "volumes",
        ];

        Assert.All(kubeflow, field =>
            Assert.True(PodDefaultCrd.SpecProperties.ContainsKey(field), $"spec.{field} is not in the CRD"));
    }

    [Fact]
    public void Requires_a_selector()
    {
        Assert.Contains("selector", ManifestObjectTests.Strings(PodDefaultCrd.SpecSchema["required"]));
    }

    [Fact]
    public void Selector_operators_are_the_four_of_a_label_selector()
    {
        var operatorSchema = PodDefaultCrd.SpecProperties["selector"]!["properties"]!["matchExpressions"]!
            ["items"]!["properties"]!["operator"]!;

        Assert.Equal(["DoesNotExist", "Exists", "In", "NotIn"], ManifestObjectTests.Strings(operatorSchema["enum"]).Order());
    }

    [Fact]
    public void Selector_values_are_checked_against_the_operator_by_cel_rules()
    {
        var rules = PodDefaultCrd.SpecProperties["selector"]!["properties"]!["matchExpressions"]!["items"]!
            ["x-kubernetes-validations"]!.AsArray();

        // What they accept and reject: PodDefaultSchemaTests.
        Assert.Equal(2, rules.Count);
        Assert.All(rules, rule =>
        {
            Assert.Contains("self.values", (string?)rule!["rule"]);
            Assert.Contains("values must", (string?)rule["message"]);
        });
    }

    [Fact]
    public void Every_cel_rule_compiles()
    {
        Assert.Empty(CelRules.Compile(PodDefaultCrd.OpenApiSchema));
    }

    [Theory]
    [InlineData("env", "name")]
    [InlineData("volumes", "name")]
    [InlineData("volumeMounts", "mountPath")]
    public void Keyed_lists_reject_duplicate_keys(string field, string key)
    {
        var list = PodDefaultCrd.SpecProperties[field]!;

        Assert.Equal("map", (string?)list["x-kubernetes-list-type"]);
        Assert.Equal([key], ManifestObjectTests.Strings(list["x-kubernetes-list-map-keys"]));
        // The API server accepts a map key only if every item must have it.
        Assert.Contains(key, ManifestObjectTests.Strings(list["items"]!["required"]));
    }

    [Fact]
    public void Every_cel_rule_is_bounded_for_the_api_servers_cost_estimate()
    {
        // A rule inside a list or map runs once per item: without maxItems (maxProperties) on every
        // enclosing one the API server estimates the cost from the largest possible request and may
        // refuse the CRD.
        var unbounded = RulesWithEnclosingLists(PodDefaultCrd.OpenApiSchema, "", [])
            .Where(r => r.EnclosingLists.Any(list => list["maxItems"] is null && list["maxProperties"] is null))
            .Select(r => r.Path)
            .ToList();

        Assert.NotEmpty(RulesWithEnclosingLists(PodDefaultCrd.OpenApiSchema, "", []));
        Assert.Empty(unbounded);
    }

    [Fact]
    public void Fits_the_last_applied_annotation_of_a_plain_kubectl_apply()
    {
        // kubectl apply stores the object as JSON in an annotation, and annotations may total at most
        // 256 KiB; a larger CRD would need server-side apply. Keep a margin for the other annotations.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(PodDefaultCrd.Definition.ToJsonString());

        Assert.InRange(bytes, 1, 200 * 1024);
    }

    [Theory]
    [InlineData("volumes", "persistentVolumeClaim")]
    [InlineData("volumes", "projected")]
    [InlineData("volumes", "csi")]
    [InlineData("sidecars", "livenessProbe")]
    [InlineData("initContainers", "securityContext")]
    [InlineData("env", "valueFrom")]
    [InlineData("envFrom", "configMapRef")]
    [InlineData("tolerations", "tolerationSeconds")]
    [InlineData("imagePullSecrets", "name")]
    [InlineData("volumeMounts", "subPathExpr")]
    public void Kubernetes_types_carry_their_upstream_schemas(string field, string member)
    {
        Assert.NotNull(PodDefaultCrd.SpecProperties[field]!["items"]!["properties"]![member]);
    }

    [Fact]
    public void Only_status_and_embedded_object_metadata_keep_unknown_members()
    {
        // Everything else is typed, so a typo is rejected rather than stored (and later lost).
        var preserving = Paths(PodDefaultCrd.OpenApiSchema, "")
            .Where(p => (bool?)p.Schema["x-kubernetes-preserve-unknown-fields"] == true)
            .Select(p => p.Path)
            .ToList();

        Assert.Contains(".status", preserving);
        Assert.All(preserving, path => Assert.True(path == ".status" || path.EndsWith(".metadata"), path));
    }

    [Fact]
    public void Every_type_is_a_standard_one()
    {
        string[] standard = ["object", "array", "string", "integer", "number", "boolean"];

        Assert.All(Paths(PodDefaultCrd.OpenApiSchema, ""), p =>
        {
            if (p.Schema["type"] is JsonNode type)
            {
                Assert.Contains((string?)type, standard);
            }
            else
            {
                // Only int-or-string values (quantities, ports) go without a type.
                Assert.True((bool?)p.Schema["x-kubernetes-int-or-string"] == true, p.Path);
            }
        });
    }

    [Fact]
    public void Records_the_pinned_source_of_its_kubernetes_schemas()
    {
        var packageJson = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("build/crd/package.json")))!["dependencies"]!;
        var source = (string?)PodDefaultCrd.Definition["metadata"]!["annotations"]!["poddefaults.kubeflow.org/schema-source"];

        Assert.Equal(
            $"npm kubernetes-models@{packageJson["kubernetes-models"]}, @kubernetes-models/apimachinery@{packageJson["@kubernetes-models/apimachinery"]}",
            source);
        Assert.StartsWith("# GENERATED by build/generate-crd.sh", File.ReadAllText(RepositoryPaths.Of("deploy/manifests/base/crd.yaml")));
    }

    private static IEnumerable<(string Path, JsonObject Schema)> Paths(JsonObject schema, string path)
    {
        yield return (path, schema);
        var children = (schema["properties"]?.AsObject() ?? []).Select(p => ($"{path}.{p.Key}", p.Value))
            .Append(($"{path}[]", schema["items"]))
            .Append(($"{path}.*", schema["additionalProperties"] as JsonObject))
            .Concat((schema["anyOf"]?.AsArray() ?? []).Select(s => ($"{path}|", s)));
        foreach (var (childPath, child) in children)
        {
            if (child is JsonObject childSchema)
            {
                foreach (var descendant in Paths(childSchema, childPath))
                {
                    yield return descendant;
                }
            }
        }
    }

    [Fact]
    public void Lists_description_and_age()
    {
        var columns = PodDefaultCrd.Version["additionalPrinterColumns"]!.AsArray()
            .ToDictionary(c => (string)c!["name"]!, c => (string)c!["jsonPath"]!);

        Assert.Equal(".spec.desc", columns["Description"]);
        Assert.Equal(".metadata.creationTimestamp", columns["Age"]);
    }

    private static IEnumerable<(string Path, List<JsonObject> EnclosingLists)> RulesWithEnclosingLists(
        JsonObject schema, string path, List<JsonObject> lists)
    {
        if (schema.ContainsKey("x-kubernetes-validations"))
        {
            yield return (path, lists);
        }
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            foreach (var rule in RulesWithEnclosingLists(property!.AsObject(), $"{path}.{name}", lists))
            {
                yield return rule;
            }
        }
        if (schema["items"] is JsonObject items)
        {
            foreach (var rule in RulesWithEnclosingLists(items, $"{path}[]", [.. lists, schema]))
            {
                yield return rule;
            }
        }
        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var rule in RulesWithEnclosingLists(values, $"{path}.*", [.. lists, schema]))
            {
                yield return rule;
            }
        }
    }
}
