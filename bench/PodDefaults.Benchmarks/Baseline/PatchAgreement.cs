using System.Text;
using Microsoft.AspNetCore.JsonPatch;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary>
/// Checks that two AdmissionReview responses patch the request's pod into the same pod. Patches are applied
/// with Microsoft.AspNetCore.JsonPatch, an RFC 6902 implementation that is neither ours nor the diff library's.
/// </summary>
public static class PatchAgreement
{
    /// <summary>Null when both responses give the same pod, else what differs.</summary>
    public static string? Compare(byte[] review, byte[] ours, byte[] baseline)
    {
        var pod = JObject.Parse(Encoding.UTF8.GetString(review))["request"]!["object"]!;
        var (oursPod, oursPatch) = Apply(pod, ours);
        var (baselinePod, baselinePatch) = Apply(pod, baseline);
        if (oursPatch is null)
            return "our response carries no patch";
        return JToken.DeepEquals(oursPod, baselinePod)
            ? null
            : $"the pods differ\nours: {oursPatch}\nbaseline: {baselinePatch}";
    }

    private static (JToken Pod, string? Patch) Apply(JToken pod, byte[] response)
    {
        var patch = (string?)JObject.Parse(Encoding.UTF8.GetString(response))["response"]!["patch"];
        var patched = (JObject)pod.DeepClone();
        if (patch is null)
            return (patched, null);
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(patch));
        JsonConvert.DeserializeObject<JsonPatchDocument>(text)!.ApplyTo(patched);
        return (patched, text);
    }
}
