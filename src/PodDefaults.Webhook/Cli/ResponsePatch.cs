using System.Text.Json;
using System.Text.Json.Nodes;
using PodDefaults.Core.Json;

namespace PodDefaults.Webhook.Cli;

/// <summary>The JSON Patch in a response AdmissionReview, read from the wire form the API server receives.</summary>
internal static class ResponsePatch
{
    /// <returns>The patch's operations; none when the response carries no patch.</returns>
    public static JsonArray Read(ReadOnlySpan<byte> responseReview)
    {
        var reader = new Utf8JsonReader(responseReview);
        using var review = JsonDocument.ParseValue(ref reader);
        if (!review.RootElement.GetProperty("response").TryGetProperty("patch", out var patch))
            return [];
        // A patch value is a PodDefault's subtree, so the one limit of every reader covers it.
        return JsonNode.Parse(patch.GetBytesFromBase64(), nodeOptions: null, JsonLimits.DocumentOptions)!.AsArray();
    }
}
