using System.Globalization;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>The two requests the cluster source makes: a cluster-wide LIST page and a cluster-wide WATCH.</summary>
public static class PodDefaultsApi
{
    public const string Path = "apis/kubeflow.org/v1alpha1/poddefaults";

    /// <summary>One LIST page; <paramref name="limit"/> 0 asks for everything at once.</summary>
    public static Uri List(Uri baseUri, int limit, string? continueToken)
    {
        var query = new List<string>(2);
        if (limit > 0)
            query.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        if (continueToken is not null)
            query.Add("continue=" + Uri.EscapeDataString(continueToken));
        return new Uri(baseUri, query.Count == 0 ? Path : Path + "?" + string.Join('&', query));
    }

    /// <summary>A WATCH of every change after <paramref name="resourceVersion"/>, with bookmarks.</summary>
    public static Uri Watch(Uri baseUri, string resourceVersion, TimeSpan timeout) =>
        new(baseUri, Path
            + "?watch=1&allowWatchBookmarks=true"
            + "&resourceVersion=" + Uri.EscapeDataString(resourceVersion)
            + "&timeoutSeconds=" + ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
}
