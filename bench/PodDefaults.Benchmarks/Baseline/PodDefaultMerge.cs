using Newtonsoft.Json.Linq;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary>The baseline's merge of one PodDefault into a pod DOM, field by field (docs/semantics.md §4, the corpus's fields).</summary>
internal static class PodDefaultMerge
{
    public static void Apply(JObject pod, JObject podDefault)
    {
        var spec = (JObject)podDefault["spec"]!;
        var metadata = Object(pod, "metadata");
        var podSpec = Object(pod, "spec");
        foreach (var container in podSpec["containers"]?.Children<JObject>() ?? [])
        {
            AppendMissing(container, "env", spec["env"], "name");
            AppendMissing(container, "volumeMounts", spec["volumeMounts"], "mountPath");
        }
        AppendMissing(podSpec, "volumes", spec["volumes"], "name");
        AppendMissing(podSpec, "imagePullSecrets", spec["imagePullSecrets"], "name");
        AppendMissing(podSpec, "tolerations", spec["tolerations"], key: null);
        SetAll(metadata, "labels", spec["labels"]);
        SetAll(metadata, "annotations", spec["annotations"]);
        Object(metadata, "annotations")[$"poddefault.admission.kubeflow.org/poddefault-{podDefault["metadata"]!["name"]}"] =
            podDefault["metadata"]!["resourceVersion"]!.DeepClone();
    }

    /// <summary>Appends each wanted item whose key (or, unkeyed, whole value) the list lacks.</summary>
    private static void AppendMissing(JObject owner, string member, JToken? wanted, string? key)
    {
        if (wanted is not JArray items || items.Count == 0)
            return;
        if (owner[member] is not JArray list)
            owner[member] = list = [];
        foreach (var item in items)
        {
            var present = list.Any(existing => key is null
                ? JToken.DeepEquals(existing, item)
                : (string?)existing[key] == (string?)item[key]);
            if (!present)
                list.Add(item.DeepClone());
        }
    }

    private static void SetAll(JObject owner, string member, JToken? wanted)
    {
        if (wanted is not JObject pairs)
            return;
        var map = Object(owner, member);
        foreach (var pair in pairs.Properties())
            map[pair.Name] = pair.Value.DeepClone();
    }

    private static JObject Object(JObject owner, string member)
    {
        if (owner[member] is not JObject value)
            owner[member] = value = [];
        return value;
    }
}
