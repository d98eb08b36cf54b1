namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// Conflict messages reach users and logs: never <c>valueFrom</c> contents, never a value over 64 bytes,
/// whatever the field (docs/semantics.md §6). Every secret below contains "S3CR3T".
/// </summary>
public sealed class ConflictSecrecyTests
{
    private static readonly string Long = "S3CR3T-" + new string('x', 58); // 65 bytes

    public static TheoryData<string, string, string> Conflicts() => new()
    {
        // field, the PodDefault's spec members, the pod's spec members (as JSON objects)
        {
            "env from a secret in the pod",
            """{"env":[{"name":"DB","value":"plain"}]}""",
            """{"containers":[{"name":"c","env":[{"name":"DB","valueFrom":{"secretKeyRef":{"name":"S3CR3T-db","key":"S3CR3T-key"}}}]}]}"""
        },
        {
            "env from a secret in the PodDefault",
            """{"env":[{"name":"DB","valueFrom":{"secretKeyRef":{"name":"S3CR3T-db","key":"S3CR3T-key"}}}]}""",
            """{"containers":[{"name":"c","env":[{"name":"DB","value":"plain"}]}]}"""
        },
        {
            "env from a config map on both sides",
            """{"env":[{"name":"DB","valueFrom":{"configMapKeyRef":{"name":"S3CR3T-a","key":"k"}}}]}""",
            """{"containers":[{"name":"c","env":[{"name":"DB","valueFrom":{"configMapKeyRef":{"name":"S3CR3T-b","key":"k"}}}]}]}"""
        },
        {
            "env with both value and valueFrom",
            """{"env":[{"name":"DB","value":"x","valueFrom":{"secretKeyRef":{"name":"S3CR3T-db","key":"k"}}}]}""",
            """{"containers":[{"name":"c","env":[{"name":"DB","value":"y"}]}]}"""
        },
        {
            "long plain env values",
            """{"env":[{"name":"TOKEN","value":"LONG"}]}""",
            """{"containers":[{"name":"c","env":[{"name":"TOKEN","value":"LONG-2"}]}]}"""
        },
        {
            "sidecar holding a secret env",
            """{"sidecars":[{"name":"proxy","image":"p","env":[{"name":"K","valueFrom":{"secretKeyRef":{"name":"S3CR3T","key":"k"}}}]}]}""",
            """{"containers":[{"name":"c"},{"name":"proxy","image":"q","env":[{"name":"K","value":"S3CR3T-plain"}]}]}"""
        },
        {
            "init container holding a secret env",
            """{"initContainers":[{"name":"init","image":"p","env":[{"name":"K","valueFrom":{"secretKeyRef":{"name":"S3CR3T","key":"k"}}}]}]}""",
            """{"containers":[{"name":"c"}],"initContainers":[{"name":"init","image":"q"}]}"""
        },
        {
            "long nodeSelector values",
            """{"nodeSelector":{"pool":"LONG"}}""",
            """{"containers":[{"name":"c"}],"nodeSelector":{"pool":"LONG-other"}}"""
        },
        {
            "long volumes",
            """{"volumes":[{"name":"v","secret":{"secretName":"LONG"}}]}""",
            """{"containers":[{"name":"c"}],"volumes":[{"name":"v","secret":{"secretName":"other"}}]}"""
        },
        {
            "long securityContext members",
            """{"securityContext":{"seLinuxOptions":{"level":"LONG"}}}""",
            """{"containers":[{"name":"c"}],"securityContext":{"seLinuxOptions":{"level":"LONG-x"}}}"""
        },
        {
            "long affinity members",
            """{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"LONG","operator":"Exists"}]}]}}}}""",
            """{"containers":[{"name":"c"}],"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"S3CR3T","operator":"Exists"}]}]}}}}"""
        },
        {
            "long volumeMounts",
            """{"volumeMounts":[{"name":"v","mountPath":"/m","subPath":"LONG"}]}""",
            """{"containers":[{"name":"c","volumeMounts":[{"name":"w","mountPath":"/m","subPath":"short"}]}]}"""
        },
    };

    /// <summary>A PodDefault selecting every pod of <c>ns</c>, with these spec members.</summary>
    private static string PodDefault(string name, string specMembers)
    {
        var spec = JsonNode.Parse(specMembers.Replace("LONG", Long, StringComparison.Ordinal))!.AsObject();
        spec["selector"] = new JsonObject();
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns", ["resourceVersion"] = "1" },
            ["spec"] = spec,
        }.ToJsonString();
    }

    private static string Pod(string specMembers, string metadataMembers = "{}")
    {
        var metadata = JsonNode.Parse(metadataMembers.Replace("LONG", Long, StringComparison.Ordinal))!.AsObject();
        metadata["name"] = "p";
        metadata["namespace"] = "ns";
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = JsonNode.Parse(specMembers.Replace("LONG", Long, StringComparison.Ordinal)),
        }.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Spec_conflicts_keep_secrets_out_of_the_message(string field, string podDefaultSpec, string podSpec)
    {
        var harness = new EngineHarness(PodDefault("pd", podDefaultSpec));

        var response = harness.Create(Pod(podSpec));

        Assert.False((bool)response["allowed"]!, field);
        var message = (string)response["status"]!["message"]!;
        Assert.StartsWith("conflict occurred while applying poddefaults: pd on pod: p", message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CR3T", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secretKeyRef", message, StringComparison.Ordinal);
        Assert.DoesNotContain("configMapKeyRef", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("annotations")]
    [InlineData("labels")]
    public void Long_map_values_are_described_by_size_only(string map)
    {
        var harness = new EngineHarness(PodDefault("pd", $$$"""{"{{{map}}}":{"k":"LONG"}}"""));

        var response = harness.Create(Pod("""{"containers":[]}""", $$$"""{"{{{map}}}":{"k":"LONG!"}}"""));

        var message = (string)response["status"]!["message"]!;
        Assert.DoesNotContain("S3CR3T", message, StringComparison.Ordinal);
        Assert.Contains($"{map} \"k\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_64_bytes_or_less_are_shown_so_users_can_act()
    {
        var short64 = "S3CR3T-" + new string('y', 57); // exactly 64 bytes
        var harness = new EngineHarness(PodDefault("pd", $$$"""{"annotations":{"k":"{{{short64}}}"}}"""));

        var response = harness.Create(Pod("""{"containers":[]}""", """{"annotations":{"k":"other"}}"""));

        var message = (string)response["status"]!["message"]!;
        Assert.Contains(short64, message, StringComparison.Ordinal);
        Assert.Contains("\"other\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_between_two_PodDefaults_keeps_both_secrets_out()
    {
        var harness = new EngineHarness(
            PodDefault("a", """{"env":[{"name":"K","valueFrom":{"secretKeyRef":{"name":"S3CR3T-1","key":"k"}}}]}"""),
            PodDefault("b", """{"env":[{"name":"K","value":"LONG"}]}"""));

        var response = harness.Create(Pod("""{"containers":[{"name":"c"}]}"""));

        var message = (string)response["status"]!["message"]!;
        Assert.StartsWith("conflict occurred while applying poddefaults: a,b on pod: p", message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CR3T", message, StringComparison.Ordinal);
    }
}
