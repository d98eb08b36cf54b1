using System.Text;
using JsonDiffPatchDotNet;
using JsonDiffPatchDotNet.Formatters.JsonPatch;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary>
/// The admission as a .NET developer would first write it: parse the review into a DOM, copy the pod, mutate
/// the copy, and let a JSON diff library turn the two into the JSON Patch. Enough of the semantics for the
/// corpus (matchLabels, keyed lists, maps, tolerations, markers); nothing here is used by the webhook.
/// </summary>
/// <remarks>
/// The DOM is Newtonsoft's <see cref="JToken"/> rather than System.Text.Json's JsonNode: the one JSON diff
/// library served here (JsonDiffPatch.Net) diffs JTokens, and converting JsonNodes into them would only make
/// the baseline slower and our ratio look better than it is.
/// </remarks>
public sealed class StraightforwardWebhook(IReadOnlyDictionary<string, List<JObject>> podDefaultsByNamespace)
{
    private const string MarkerPrefix = "poddefault.admission.kubeflow.org/poddefault-";

    private static readonly JsonSerializerSettings PatchSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    private readonly JsonDiffPatch differ = new();
    private readonly JsonDeltaFormatter formatter = new EscapingDeltaFormatter();

    public byte[] Review(byte[] body)
    {
        var review = JObject.Parse(Encoding.UTF8.GetString(body));
        var request = (JObject)review["request"]!;
        var response = new JObject { ["uid"] = request["uid"], ["allowed"] = true };
        if ((string?)request["operation"] == "CREATE" && (string?)request["resource"]?["resource"] == "pods"
            && request["object"] is JObject pod)
        {
            var patch = Mutate(pod, (string?)pod["metadata"]?["namespace"] ?? (string)request["namespace"]!);
            if (patch is not null)
            {
                response["patchType"] = "JSONPatch";
                response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch));
            }
        }
        var answer = new JObject { ["apiVersion"] = review["apiVersion"], ["kind"] = "AdmissionReview", ["response"] = response };
        return Encoding.UTF8.GetBytes(answer.ToString(Formatting.None));
    }

    /// <summary>The JSON Patch as text, or null when nothing changes.</summary>
    private string? Mutate(JObject pod, string @namespace)
    {
        if (!podDefaultsByNamespace.TryGetValue(@namespace, out var podDefaults))
            return null;
        var labels = pod["metadata"]?["labels"] as JObject ?? [];
        var annotations = pod["metadata"]?["annotations"] as JObject ?? [];
        var applying = podDefaults
            .Where(pd => Selects(pd, labels) && (string?)annotations[MarkerPrefix + pd["metadata"]!["name"]] != (string?)pd["metadata"]!["resourceVersion"])
            .OrderBy(pd => (string)pd["metadata"]!["name"]!, StringComparer.Ordinal)
            .ToList();
        if (applying.Count == 0)
            return null;

        var mutated = (JObject)pod.DeepClone();
        foreach (var podDefault in applying)
            PodDefaultMerge.Apply(mutated, podDefault);
        var diff = differ.Diff(pod, mutated);
        return diff is null ? null : JsonConvert.SerializeObject(formatter.Format(diff), PatchSettings);
    }

    private static bool Selects(JObject podDefault, JObject labels) =>
        podDefault["spec"]?["selector"]?["matchLabels"] is JObject matchLabels
        && matchLabels.Properties().All(pair => (string?)labels[pair.Name] == (string?)pair.Value);
}
