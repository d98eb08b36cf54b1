using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>The JSON the real API server writes: watch event lines, Status bodies, bookmarks.</summary>
public static class WireJson
{
    public const string ApiVersion = "kubeflow.org/v1alpha1";

    public static byte[] EventLine(string type, JsonNode obj) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString(Options) + "\n");

    public static byte[] BookmarkLine(long resourceVersion) => EventLine("BOOKMARK", new JsonObject
    {
        ["kind"] = "PodDefault",
        ["apiVersion"] = ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString() },
    });

    public static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    public static byte[] ErrorLine(int code, string reason, string message) => EventLine("ERROR", Status(code, reason, message));

    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        _ => "InternalError",
    };

    public static string Key(JsonNode obj) => $"{obj["metadata"]?["namespace"]}/{obj["metadata"]?["name"]}";

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Any depth, as the real API server writes whatever it stored (the webhook must cope with depth, not the stand-in).</summary>
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, MaxDepth = 10_000 };
}
