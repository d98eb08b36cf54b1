using PodDefaults.Tests.Core.Admission.FullRead;
using PodDefaults.Tests.Core.Json;
using PodDefaults.Tests.Core.Properties;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// Skipping loses nothing: the engine, which reads only what the decision needs, answers every review,
/// valid or damaged, as the full read of <see cref="FullReadAdmission"/> does (same patch bytes, same
/// denial, a 400 for the same structural damage). The one difference the contract allows (docs/semantics.md
/// §2): a body whose structure is sound but that holds something other than JSON where the engine
/// only skips (a bad number in managedFields, a missing comma in a probe) is answered, where the full read
/// rejects it. A longer run: <c>CsCheck_Iter=20000</c> (bench/README.md).
/// </summary>
public sealed class SkippingReaderDifferentialTests(ITestOutputHelper output)
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 300;

    private const string ManagedFields = """
        [{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:00:00Z","fieldsType":"FieldsV1",
          "fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"0b5c\"}":{}}},
                      "f:spec":{"f:containers":{"k:{\"name\":\"main\"}":{".":{},"f:image":{},"f:resources":{}}},"f:restartPolicy":{}}}}]
        """;

    private const string Probe = """{"exec":{"command":["sh","-c","test -f /tmp/ready"]},"initialDelaySeconds":5,"periodSeconds":10}""";

    /// <summary>A generated pod review, with the members the engine skips that a CREATE carries.</summary>
    private static readonly Gen<(AdmissionCase Case, string Review)> Reviews = AdmissionCase.Gen.Select(c =>
    {
        var pod = JsonNode.Parse(c.Pod)!.AsObject();
        if (pod["metadata"] is JsonObject metadata)
            metadata["managedFields"] = JsonNode.Parse(ManagedFields);
        if (pod["spec"]?["containers"] is JsonArray { Count: > 0 } containers && containers[0] is JsonObject first)
            first["livenessProbe"] = JsonNode.Parse(Probe);
        return (c, AdmissionCase.Review(pod.ToJsonString(), "uid-1"));
    });

    [Fact]
    public void A_valid_review_gets_the_answer_of_the_full_read() =>
        Reviews.Sample(t =>
        {
            var verdict = Compare(t.Case, Encoding.UTF8.GetBytes(t.Review));
            Assert.Equal(Agreement.Same, verdict);
        }, iter: Iterations, print: t => t.Review);

    [Fact]
    public void A_damaged_review_gets_the_answer_of_the_full_read_or_differs_only_where_the_contract_allows()
    {
        var counts = new int[4];
        Gen.Select(Reviews, Mutation.Text, ByteDamage).Sample((t, damage, bytes) =>
        {
            var verdict = Compare(t.Case, bytes(Encoding.UTF8.GetBytes(damage(t.Review))));
            Interlocked.Increment(ref counts[(int)verdict]);
        }, iter: Iterations, print: t => t.Item2(t.Item1.Review));
        output.WriteLine($"same: {counts[0]}, both rejected: {counts[1]}, only the full read rejects (not JSON where the engine skips): {counts[2]}, only the engine rejects (invalid UTF-8 or a member twice): {counts[3]}");
    }

    [Theory]
    [InlineData("\"Update\"", "\"Upd\\xate\"", Agreement.BothRejected)] // a bad escape
    [InlineData("\"Update\"", "\"Update", Agreement.BothRejected)] // an unterminated string
    [InlineData("\"f:image\":{}", "\"f:image\":{]", Agreement.BothRejected)] // a bracket that does not match
    [InlineData("\"f:image\":{}", "\"f:image\":{{}", Agreement.BothRejected)] // one that is not closed
    [InlineData("\"Update\"", "\"Upd\u0001ate\"", Agreement.BothRejected)] // a control character in a string
    [InlineData("\"Update\"", "\"Upd\uFFFFate\"", Agreement.Same)] // a valid character
    [InlineData("\"time\":\"2024-05-01T10:00:00Z\"", "\"time\":01x", Agreement.OnlyFullReadRejects)] // a bad number: not parsed where skipped
    [InlineData("\"operation\":\"Update\",", "\"operation\":\"Update\" ", Agreement.OnlyFullReadRejects)] // a missing comma: not parsed either
    public void Damage_inside_a_skipped_member_is_rejected_when_it_breaks_the_structure(string original, string damaged, Agreement expected)
    {
        var pod = JsonNode.Parse(PodAndPodDefaults.Pod)!.AsObject();
        pod["metadata"]!["managedFields"] = JsonNode.Parse(ManagedFields);
        var review = AdmissionCase.Review(pod.ToJsonString(), "uid-1");
        Assert.Contains(original, review, StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(review.Replace(original, damaged, StringComparison.Ordinal));
        var podCase = new AdmissionCase(PodAndPodDefaults.Pod, [PodAndPodDefaults.PodDefault]);

        Assert.Equal(expected, Compare(podCase, body));
        // The pod is selected and patched: the decision was made, not skipped.
        if (expected != Agreement.BothRejected)
            Assert.NotEmpty(Ours(Snapshot(podCase), body).Patch);
    }

    [Fact]
    public void Invalid_UTF8_inside_a_skipped_member_is_rejected()
    {
        var pod = JsonNode.Parse(PodAndPodDefaults.Pod)!.AsObject();
        pod["metadata"]!["managedFields"] = JsonNode.Parse(ManagedFields);
        var body = Encoding.UTF8.GetBytes(AdmissionCase.Review(pod.ToJsonString(), "uid-1"));
        var at = Encoding.UTF8.GetString(body).IndexOf("kube-controller-manager", StringComparison.Ordinal);
        body[at + 4] = 0xFF;

        // Utf8JsonReader skips the string without checking its UTF-8: the full read answered this body.
        Assert.Equal(Agreement.OnlyEngineRejects, Compare(new AdmissionCase(PodAndPodDefaults.Pod, [PodAndPodDefaults.PodDefault]), body));
    }

    [Fact]
    public void A_lone_surrogate_in_a_member_name_of_an_item_a_conflict_describes_is_a_400_not_a_crash()
    {
        // Found by the damaged-review test: describing the pod's env var B for the conflict looked its members
        // up by name, and the escape that is no text threw InvalidOperationException (a 500), in the full read too.
        var review = AdmissionCase.Review(PodAndPodDefaults.Pod, "uid-1");
        var damaged = review.Replace("\"image\":\"i\",", "\"image\":\"i\",\"env\":[{\"name\":\"A\",\"valueF\\udc00rom\":{}}],", StringComparison.Ordinal);
        Assert.NotEqual(review, damaged);
        var podCase = new AdmissionCase(PodAndPodDefaults.Pod, [PodAndPodDefaults.PodDefault]);
        var body = Encoding.UTF8.GetBytes(damaged);

        Assert.NotNull(Ours(Snapshot(podCase), body).Rejected);
    }

    /// <summary>A pod that one PodDefault selects and changes (env in its container, a volume).</summary>
    private static class PodAndPodDefaults
    {
        public static readonly string Pod = """
            {"metadata":{"name":"p","namespace":"NAMESPACE","labels":{"app":"web"}},
             "spec":{"containers":[{"name":"main","image":"i","livenessProbe":{"exec":{"command":["true"]}}}]}}
            """.Replace("NAMESPACE", Pools.Namespace, StringComparison.Ordinal);

        public static readonly string PodDefault = """
            {"metadata":{"name":"pd","namespace":"NAMESPACE","resourceVersion":"1"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"env":[{"name":"A","value":"1"}],"volumes":[{"name":"v","emptyDir":{}}]}}
            """.Replace("NAMESPACE", Pools.Namespace, StringComparison.Ordinal);
    }

    /// <summary>Byte damage no text edit can do: bytes that are not UTF-8, a flipped bit, a cut in the middle of a character.</summary>
    private static Gen<Func<byte[], byte[]>> ByteDamage => Gen.Frequency(
        (3, Gen.Const((Func<byte[], byte[]>)(bytes => bytes))),
        (1, from at in Gen.Double.Unit from value in Gen.OneOf<byte>(0xFF, 0xC3, 0x80, 0xED) select (Func<byte[], byte[]>)(bytes => [.. bytes[..(int)(at * bytes.Length)], value, .. bytes[(int)(at * bytes.Length)..]])),
        (1, from at in Gen.Double.Unit from bit in Gen.Int[0, 7] select (Func<byte[], byte[]>)(bytes =>
        {
            var copy = bytes.ToArray();
            if (copy.Length > 0)
                copy[(int)(at * copy.Length) % copy.Length] ^= (byte)(1 << bit);
            return copy;
        })));

    public enum Agreement
    {
        Same,
        BothRejected,

        /// <summary>Sound structure, something other than JSON where the engine only skips: the engine answers.</summary>
        OnlyFullReadRejects,

        /// <summary>What the full read let through and the engine rejects: bytes that are not UTF-8 in a skipped string, a member twice, a name whose escape is no text.</summary>
        OnlyEngineRejects,
    }

    private static Agreement Compare(AdmissionCase c, byte[] body)
    {
        var snapshot = Snapshot(c);
        var reference = FullReadAdmission.Decide(body, snapshot);
        var ours = Ours(snapshot, body);
        if (!StructureOracle.IsSound(body))
            Assert.True(ours.Rejected is not null, $"structural damage was answered; the full read says: {reference.Rejected}");
        if (ours.Rejected is not null && reference.Rejected is not null)
            return Agreement.BothRejected;
        if (ours.Rejected is not null)
        {
            // Utf8JsonReader does not check the UTF-8 of a string it skips, and the full read took the first
            // of two equal member names: section 2 rejects both. A member name whose escape is no text (a lone
            // surrogate) in an object the engine reads is always rejected; the full read only when comparing
            // the name with one it wanted reached the escape.
            Assert.True(!StructureOracle.IsSound(body) || ours.Rejected.Contains("appears twice", StringComparison.Ordinal)
                || ours.Rejected.Contains("no text (a lone surrogate)", StringComparison.Ordinal),
                $"rejected what the full read answers: {ours.Rejected}");
            return Agreement.OnlyEngineRejects;
        }
        if (reference.Rejected is not null)
            return Agreement.OnlyFullReadRejects; // sound structure (checked above), not JSON only where the engine skips
        Assert.Equal(reference.Denial, ours.Denial);
        Assert.Equal(Encoding.UTF8.GetString(reference.Patch), Encoding.UTF8.GetString(ours.Patch));
        return Agreement.Same;
    }

    private static PodDefaultSnapshot Snapshot(AdmissionCase c) => PodDefaultSnapshot.Empty.ReplaceAll(c.PodDefaults.Select(json =>
    {
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement);
    }));

    private static (byte[] Patch, string? Denial, string? Rejected) Ours(PodDefaultSnapshot snapshot, byte[] body)
    {
        var holder = new SnapshotHolder();
        holder.Publish(snapshot);
        using var output = new PooledBufferWriter();
        try
        {
            using (new AdmissionEngine(holder).Review(body, output))
            {
            }
        }
        catch (AdmissionReviewFormatException error)
        {
            return ([], null, error.Message);
        }
        var response = JsonNode.Parse(output.WrittenSpan)!["response"]!;
        if (!(bool)response["allowed"]!)
            return ([], (string?)response["status"]!["message"], null);
        return (response["patch"] is { } patch ? Convert.FromBase64String((string)patch!) : [], null, null);
    }
}
