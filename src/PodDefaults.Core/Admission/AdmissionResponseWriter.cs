using System.Text.Json;
using PodDefaults.Core.Warnings;

namespace PodDefaults.Core.Admission;

/// <summary>Writes the AdmissionReview that answers a request: same apiVersion, the request's uid.</summary>
internal static class AdmissionResponseWriter
{
    public static void WriteAllowed(Utf8JsonWriter json, ReadOnlySpan<byte> body, AdmissionRequest request, ReadOnlySpan<byte> patch, IReadOnlyList<string> warnings)
    {
        StartResponse(json, body, request);
        json.WriteBoolean("allowed"u8, true);
        if (!patch.IsEmpty)
        {
            json.WriteString("patchType"u8, "JSONPatch"u8);
            json.WriteBase64String("patch"u8, patch);
        }
        WriteWarnings(json, warnings);
        EndResponse(json);
    }

    /// <summary>A rejection as Kubeflow's webhook words it: code 400, reason BadRequest.</summary>
    public static void WriteDenied(Utf8JsonWriter json, ReadOnlySpan<byte> body, AdmissionRequest request, string message, IReadOnlyList<string> warnings)
    {
        StartResponse(json, body, request);
        json.WriteBoolean("allowed"u8, false);
        json.WriteStartObject("status"u8);
        json.WriteString("status"u8, "Failure"u8);
        json.WriteString("message"u8, message);
        json.WriteString("reason"u8, "BadRequest"u8);
        json.WriteNumber("code"u8, 400);
        json.WriteEndObject();
        WriteWarnings(json, warnings);
        EndResponse(json);
    }

    private static void StartResponse(Utf8JsonWriter json, ReadOnlySpan<byte> body, AdmissionRequest request)
    {
        json.WriteStartObject();
        json.WriteString("apiVersion"u8, AdmissionApiVersions.Text(request.ApiVersion));
        json.WriteString("kind"u8, "AdmissionReview"u8);
        json.WriteStartObject("response"u8);
        if (request.Uid.Escaped)
            json.WriteString("uid"u8, request.Uid.ToString(body));
        else
            json.WriteString("uid"u8, request.Uid.Raw(body));
    }

    private static void WriteWarnings(Utf8JsonWriter json, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
            return;
        json.WriteStartArray("warnings"u8);
        // The API server drops a warning holding a control character; composed warnings are escaped already,
        // so this returns them as they are and only guards any other.
        foreach (var warning in warnings)
            json.WriteStringValue(WarningText.Escape(warning));
        json.WriteEndArray();
    }

    private static void EndResponse(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }
}
