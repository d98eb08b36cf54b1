using Microsoft.AspNetCore.JsonPatch;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PodDefaults.Tests.Conformance;

/// <summary>
/// Judges a webhook's answer to a conformance case. Patches are applied with Microsoft.AspNetCore.JsonPatch,
/// an RFC 6902 implementation that is not ours, so a patch that only our own applier accepts fails here.
/// </summary>
public static class ConformanceJudge
{
    public const string ConflictPrefix = "conflict occurred while applying poddefaults: ";

    public static void Judge(ConformanceCase testCase, string uid, string responseJson)
    {
        var review = JsonNode.Parse(responseJson)!.AsObject();
        var expect = testCase.Expect;
        var sentApiVersion = (string?)testCase.Request?["apiVersion"] ?? "admission.k8s.io/v1";
        Assert.Equal(sentApiVersion, (string?)review["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)review["kind"]);
        var response = review["response"]!.AsObject();
        Assert.Equal(uid, (string?)response["uid"]);
        Assert.Equal((bool)expect["allowed"]!, (bool)response["allowed"]!);

        var patched = (bool?)expect["patched"] ?? false;
        if (patched)
        {
            Assert.Equal("JSONPatch", (string?)response["patchType"]);
            var patch = Encoding.UTF8.GetString(Convert.FromBase64String((string)response["patch"]!));
            var result = ApplyPatch(testCase.Pod.ToJsonString(), patch);
            var expected = JToken.Parse(expect["pod"]!.ToJsonString());
            Assert.True(JToken.DeepEquals(expected, result),
                $"patched pod differs from expect.pod\npatch: {patch}\nresult: {result.ToString(Formatting.None)}\nexpected: {expected.ToString(Formatting.None)}");
        }
        else
        {
            Assert.Null(response["patch"]);
            Assert.Null(response["patchType"]);
        }

        if (!(bool)expect["allowed"]!)
            JudgeRejection(expect, response);
        foreach (var wanted in expect["warningsContain"]?.AsArray() ?? [])
        {
            var warnings = response["warnings"]?.AsArray().Select(w => (string)w!).ToArray() ?? [];
            Assert.True(warnings.Any(w => w.Contains((string)wanted!, StringComparison.Ordinal)),
                $"no warning contains \"{wanted}\": [{string.Join(" | ", warnings)}]");
        }
    }

    /// <summary>Applies an RFC 6902 patch with validation (a missing target or bad index throws).</summary>
    public static JToken ApplyPatch(string documentJson, string patchJson)
    {
        var document = JToken.Parse(documentJson);
        var operations = JsonConvert.DeserializeObject<JsonPatchDocument>(patchJson)!;
        if (document is not JObject obj)
            throw new InvalidOperationException("the patched object is not a JSON object");
        operations.ApplyTo(obj);
        return obj;
    }

    private static void JudgeRejection(JsonObject expect, JsonObject response)
    {
        var status = response["status"]!.AsObject();
        Assert.Equal(400, (int)status["code"]!);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        var message = (string)status["message"]!;
        Assert.StartsWith(ConflictPrefix, message, StringComparison.Ordinal);
        foreach (var part in expect["messageContains"]?.AsArray() ?? [])
            Assert.Contains((string)part!, message, StringComparison.Ordinal);
        foreach (var part in expect["messageNotContains"]?.AsArray() ?? [])
            Assert.DoesNotContain((string)part!, message, StringComparison.Ordinal);
    }
}
