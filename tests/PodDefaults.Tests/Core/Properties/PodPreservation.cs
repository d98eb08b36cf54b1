using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Checks that a patched pod lost nothing of the original: every object member is still there, every list
/// of the original is a prefix of the result's list (its items unchanged), and scalars change only where
/// docs/semantics.md lets a PodDefault override the pod: markers (§5), the service account and values the LimitRanger set (§4).
/// </summary>
internal static partial class PodPreservation
{
    public static void Check(JToken original, JToken result)
    {
        var limitRanger = LimitRangerDefaults(original);
        Walk(original, result, "", limitRanger, original);
    }

    private static void Walk(JToken original, JToken? result, string path, HashSet<string> limitRanger, JToken pod)
    {
        switch (original)
        {
            case JObject obj:
                if (result is not JObject resultObject)
                    throw Fail(path, "an object became " + Describe(result));
                foreach (var (name, value) in obj)
                {
                    var at = path + "/" + name.Replace("~", "~0").Replace("/", "~1");
                    if (!resultObject.TryGetValue(name, out var resultValue))
                        throw Fail(at, "a member of the pod disappeared");
                    Walk(value!, resultValue, at, limitRanger, pod);
                }
                break;
            case JArray array:
                if (result is not JArray resultArray || resultArray.Count < array.Count)
                    throw Fail(path, "a list lost items or became " + Describe(result));
                for (var i = 0; i < array.Count; i++)
                {
                    // Containers receive env, mounts, resources... in place; every other item stays as it was.
                    if (path == "/spec/containers")
                        Walk(array[i], resultArray[i], $"{path}/{i}", limitRanger, pod);
                    else if (!JToken.DeepEquals(array[i], resultArray[i]))
                        throw Fail($"{path}/{i}", $"an item changed: {array[i].ToString(Newtonsoft.Json.Formatting.None)} became {resultArray[i].ToString(Newtonsoft.Json.Formatting.None)}");
                }
                break;
            default:
                if (!JToken.DeepEquals(original, result) && !MayChange(path, limitRanger, pod))
                    throw Fail(path, $"{original.ToString(Newtonsoft.Json.Formatting.None)} became {Describe(result)}");
                break;
        }
    }

    /// <summary>The scalars a PodDefault may override: markers, the service account, values the LimitRanger set.</summary>
    private static bool MayChange(string path, HashSet<string> limitRanger, JToken pod)
    {
        if (path.StartsWith("/metadata/annotations/poddefault.admission.kubeflow.org~1poddefault-", StringComparison.Ordinal))
            return true;
        if (path is "/spec/serviceAccountName" or "/spec/automountServiceAccountToken")
            return true;
        var resource = ResourcePath().Match(path);
        if (!resource.Success)
            return false;
        var container = (string?)pod["spec"]!["containers"]![int.Parse(resource.Groups[1].Value)]!["name"];
        var name = resource.Groups[3].Value.Replace("~1", "/").Replace("~0", "~");
        return limitRanger.Contains($"{container}|{resource.Groups[2].Value}|{name}");
    }

    /// <summary>"container|limits|resource" for every value the pod's LimitRanger annotation lists.</summary>
    private static HashSet<string> LimitRangerDefaults(JToken pod)
    {
        var defaults = new HashSet<string>(StringComparer.Ordinal);
        var text = (string?)pod["metadata"]?["annotations"]?["kubernetes.io/limit-ranger"];
        const string prefix = "LimitRanger plugin set: ";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
            return defaults;
        foreach (var clause in text[prefix.Length..].Split("; "))
        {
            var match = LimitRangerClause().Match(clause);
            if (!match.Success)
                continue;
            var part = match.Groups[2].Value == "request" ? "requests" : "limits";
            foreach (var resource in match.Groups[1].Value.Split(", "))
                defaults.Add($"{match.Groups[3].Value}|{part}|{resource}");
        }
        return defaults;
    }

    private static string Describe(JToken? token) => token is null ? "nothing" : token.ToString(Newtonsoft.Json.Formatting.None);

    private static XunitException Fail(string path, string what) => new($"at {path}: {what}");

    [GeneratedRegex("^/spec/containers/([0-9]+)/resources/(limits|requests)/(.+)$")]
    private static partial Regex ResourcePath();

    [GeneratedRegex("^(.+) (request|limit) for container (.+)$")]
    private static partial Regex LimitRangerClause();
}
