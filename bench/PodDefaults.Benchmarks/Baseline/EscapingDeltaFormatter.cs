using JsonDiffPatchDotNet.Formatters;
using JsonDiffPatchDotNet.Formatters.JsonPatch;

namespace PodDefaults.Benchmarks.Baseline;

/// <summary>
/// JsonDiffPatch.Net's RFC 6902 formatter with the one fix the baseline needs: it writes member names into
/// paths unescaped, so an annotation key such as <c>example.com/cost-center</c> becomes two path segments
/// and the patch does not apply. Escape them per RFC 6901.
/// </summary>
internal sealed class EscapingDeltaFormatter : JsonDeltaFormatter
{
    protected override void NodeBegin(JsonFormatContext context, string key, string leftKey, DeltaType type, NodeType nodeType, bool isLast) =>
        context.Path.Add(leftKey.Replace("~", "~0").Replace("/", "~1"));
}
