using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodDefaults.Webhook.Cli;

/// <summary>The AdmissionReview the API server sends the webhook when the pod is created (a dry run).</summary>
internal static class PodReview
{
    /// <summary>Fixed, so that the same input always gives the same review.</summary>
    public const string Uid = "poddefaults-cli";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create(JsonObject pod, string @namespace)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion"u8, "admission.k8s.io/v1"u8);
            json.WriteString("kind"u8, "AdmissionReview"u8);
            json.WriteStartObject("request"u8);
            json.WriteString("uid"u8, Uid);
            WriteCoreV1(json, "kind"u8, "kind"u8, "Pod"u8);
            WriteCoreV1(json, "resource"u8, "resource"u8, "pods"u8);
            if (pod["metadata"]?["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
                json.WriteString("name"u8, name.GetValue<string>());
            json.WriteString("namespace"u8, @namespace);
            json.WriteString("operation"u8, "CREATE"u8);
            json.WritePropertyName("object"u8);
            pod.WriteTo(json);
            json.WriteBoolean("dryRun"u8, true);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteCoreV1(Utf8JsonWriter json, ReadOnlySpan<byte> member, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        json.WriteStartObject(member);
        json.WriteString("group"u8, ""u8);
        json.WriteString("version"u8, "v1"u8);
        json.WriteString(field, value);
        json.WriteEndObject();
    }
}
