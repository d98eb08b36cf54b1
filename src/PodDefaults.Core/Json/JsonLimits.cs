using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// The one nesting limit of every JSON (and YAML) reader in the webhook: reviews, PodDefaults from files, LIST
/// pages and watch events. One limit means a PodDefault one source accepts, every other source accepts too.
/// </summary>
public static class JsonLimits
{
    /// <summary>
    /// Deepest nesting of objects and arrays in one object (a review, a PodDefault). Kubernetes objects nest a few
    /// dozen levels; readers that recurse stay far from the stack's end.
    /// </summary>
    public const int MaxDepth = 256;

    public static JsonReaderOptions ReaderOptions => new() { MaxDepth = MaxDepth };

    public static JsonDocumentOptions DocumentOptions => new() { MaxDepth = MaxDepth };

    /// <summary>The error of the readers that count depth themselves (the cursor, the scanner's brackets).</summary>
    internal static JsonException TooDeep() => new($"the JSON nests deeper than {MaxDepth} levels");
}
