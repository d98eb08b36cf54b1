using System.Text.Json;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// How the cluster source reads LIST pages and watch lines: with no nesting limit of their own. The limit
/// (<see cref="PodDefaults.Core.Json.JsonLimits.MaxDepth"/>) is enforced per object by the parser, so one object
/// nested too deep is skipped alone and named, instead of failing its whole page or line. These readers do not
/// recurse, and their memory is bounded by the bytes read, not by the depth.
/// </summary>
internal static class ClusterJson
{
    public static JsonReaderOptions ReaderOptions => new() { MaxDepth = int.MaxValue };

    public static JsonDocumentOptions DocumentOptions => new() { MaxDepth = int.MaxValue };
}
