using PodDefaults.Core.Fields;
using PodDefaults.Webhook.Sources.Files;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// File-mode PodDefaults are held to the types the CRD declares for every member the engine copies. The cases
/// come from walking the CRD itself, whatever it declares, so the check and the schema cannot drift apart.
/// </summary>
public sealed class CrdTypeCheckTests
{
    /// <summary>The spec members the engine does not copy: a selector of the wrong type is unusable and skipped with a warning.</summary>
    private static readonly string[] ListKeys = [.. PodDefaultFields.All.Select(field => field.Key).OfType<string>()];

    private static readonly string[] NotCopied = [PodDefaultFields.Selector, PodDefaultFields.Desc];

    public static TheoryData<string> TypedPaths() => new(Walk().Select(typed => typed.Pointer));

    [Fact]
    public void The_walk_reaches_every_copied_member_of_the_spec()
    {
        var walked = Walk().Select(typed => typed.Segments[0]).ToHashSet();

        Assert.All(PodDefaultFields.SpecMembers.Except(NotCopied), member => Assert.Contains(member, walked));
        Assert.True(Walk().Count() > 60, $"only {Walk().Count()} typed paths");
    }

    [Theory]
    [MemberData(nameof(TypedPaths))]
    public void A_value_of_another_type_is_refused_at_its_path_and_one_of_the_declared_type_loads(string pointer)
    {
        var typed = Walk().Single(t => t.Pointer == pointer);

        var error = Assert.Throws<PodDefaultFormatException>(() => Parse(Document(typed, WrongValue(typed.Schema))));
        Assert.Equal(pointer, error.Pointer);
        Assert.StartsWith($"{typed.FieldPath} must be ", error.Reason, StringComparison.Ordinal);

        Parse(Document(typed, RightValue(typed.Schema)));
    }

    [Theory]
    [InlineData("""{"env":[{"name":"A","value":1}]}""", "/spec/env/0/value", "env[0].value must be a string, found a number")]
    [InlineData("""{"securityContext":{"runAsUser":1.5}}""", "/spec/securityContext/runAsUser", "securityContext.runAsUser must be an integer, found a number")]
    [InlineData("""{"resources":{"limits":{"cpu":true}}}""", "/spec/resources/limits/cpu", "resources.limits[cpu] must be an integer or a string, found a boolean")]
    [InlineData("""{"labels":{"a/b":2}}""", "/spec/labels/a~1b", "labels[a/b] must be a string, found a number")]
    public void The_message_names_the_field_as_people_read_it(string spec, string pointer, string reason)
    {
        var error = Assert.Throws<PodDefaultFormatException>(() => Parse(WithSpec(spec)));

        Assert.Equal(pointer, error.Pointer);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("""{"securityContext":{"runAsUser":1000.0}}""")] // an integral float is an integer to the API server
    [InlineData("""{"env":[{"name":"A","value":null}]}""")] // the API server drops nulls
    [InlineData("""{"selector":{"matchLabels":{"app":1}}}""")] // not copied: an unusable selector, skipped with a warning
    [InlineData("""{"volumes":[{"name":"v","csi":{"driver":"x","volumeAttributes":{"n":"1"}}}]}""")] // whatever the schema declares no type for
    public void What_the_API_server_would_take_loads(string spec) => Parse(WithSpec(spec));

    [Fact]
    public void The_cluster_source_checks_nothing_more_the_API_server_did()
    {
        var podDefault = WithSpec("""{"env":[{"name":"A","value":1}]}""");
        podDefault["metadata"]!["resourceVersion"] = "7";
        using var document = JsonDocument.Parse(podDefault.ToJsonString());

        PodDefaultParser.Parse(document.RootElement); // no types given: the API server validated it
    }

    private static PodDefault Parse(JsonObject podDefault)
    {
        using var document = JsonDocument.Parse(podDefault.ToJsonString());
        return PodDefaultParser.Parse(document.RootElement, "ns", deriveResourceVersion: true, CrdSpecTypes.Spec);
    }

    private static JsonObject WithSpec(string spec)
    {
        var specObject = JsonNode.Parse(spec)!.AsObject();
        specObject.TryAdd("selector", new JsonObject());
        return new JsonObject
        {
            ["apiVersion"] = "kubeflow.org/v1alpha1",
            ["kind"] = "PodDefault",
            ["metadata"] = new JsonObject { ["name"] = "typed", ["namespace"] = "ns" },
            ["spec"] = specObject,
        };
    }

    /// <summary>One schema node that declares a type, and where it is under <c>spec</c>.</summary>
    private sealed record TypedPath(IReadOnlyList<string> Segments, IReadOnlyList<JsonObject> Schemas, string FieldPath)
    {
        public JsonObject Schema => Schemas[^1];

        public string Pointer => "/spec/" + string.Join("/", Segments.Select(s => s.Replace("~", "~0").Replace("/", "~1")));
    }

    /// <summary>Every node under the copied spec members that declares a type; an item is index 0, a map value the key "k".</summary>
    private static IEnumerable<TypedPath> Walk()
    {
        var specProperties = PodDefaultCrd.SpecProperties;
        foreach (var (member, schema) in specProperties.Where(p => !NotCopied.Contains(p.Key)))
        {
            foreach (var typed in Walk(schema!.AsObject(), [member], [schema.AsObject()], member))
                yield return typed;
        }
    }

    private static IEnumerable<TypedPath> Walk(JsonObject schema, List<string> segments, List<JsonObject> schemas, string fieldPath)
    {
        if (DeclaresType(schema))
            yield return new TypedPath([.. segments], [.. schemas], fieldPath);
        var children = new List<(string Segment, JsonObject Schema, string FieldPath)>();
        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
            children.Add((name, child!.AsObject(), $"{fieldPath}.{name}"));
        if (schema["additionalProperties"] is JsonObject additional)
            children.Add(("k", additional, $"{fieldPath}[k]"));
        if (schema["items"] is JsonObject items)
            children.Add(("0", items, $"{fieldPath}[0]"));
        foreach (var (segment, child, childPath) in children)
        {
            foreach (var typed in Walk(child, [.. segments, segment], [.. schemas, child], childPath))
                yield return typed;
        }
    }

    private static bool DeclaresType(JsonObject schema) => schema["type"] is not null || IntOrString(schema);

    private static bool IntOrString(JsonObject schema) => (bool?)schema["x-kubernetes-int-or-string"] == true;

    /// <summary>A PodDefault whose spec holds <paramref name="value"/> at the path, with what the engine needs on the way (list keys).</summary>
    private static JsonObject Document(TypedPath typed, JsonNode value)
    {
        var spec = new JsonObject { ["selector"] = new JsonObject() };
        JsonNode parent = spec;
        for (var i = 0; i < typed.Segments.Count; i++)
        {
            var last = i == typed.Segments.Count - 1;
            var node = last ? value : Container(typed.Schemas[i]);
            if (parent is JsonArray array)
                array.Add(node);
            else
                parent.AsObject()[typed.Segments[i]] = node;
            parent = node;
        }
        return WithSpec(spec.ToJsonString());
    }

    /// <summary>The object or list on the way to the value.</summary>
    private static JsonNode Container(JsonObject schema) => (string?)schema["type"] == "array" ? new JsonArray() : ObjectWithKeys(schema);

    /// <summary>An object with its required members and the members the engine keys its lists by (name, mountPath...).</summary>
    private static JsonObject ObjectWithKeys(JsonObject schema)
    {
        var obj = new JsonObject();
        var properties = schema["properties"] as JsonObject ?? [];
        var required = (schema["required"] as JsonArray ?? []).Select(r => (string)r!);
        foreach (var name in required.Concat(ListKeys).Distinct().Where(properties.ContainsKey))
            obj[name] = RightValue(properties[name]!.AsObject());
        return obj;
    }

    private static JsonNode RightValue(JsonObject schema) => IntOrString(schema) ? "1" : (string?)schema["type"] switch
    {
        "string" => "1",
        "integer" => 1,
        "number" => 1.5,
        "boolean" => true,
        "object" => ObjectWithKeys(schema),
        "array" => new JsonArray(),
        var type => throw new InvalidOperationException($"the walk met type {type}"),
    };

    private static JsonNode WrongValue(JsonObject schema) => IntOrString(schema) ? true : (string?)schema["type"] switch
    {
        "string" => 1,
        "integer" => 1.5,
        "number" => "1",
        "boolean" => "true",
        "object" => new JsonArray(),
        "array" => "x",
        var type => throw new InvalidOperationException($"the walk met type {type}"),
    };
}
