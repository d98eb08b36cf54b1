using System.Text.Json;
using PodDefaults.Core.Json;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// The API server refused a request: an HTTP error status, or an <c>ERROR</c> event inside a watch. Both carry a
/// <c>Status</c> object (<c>code</c>, <c>reason</c>, <c>message</c>), read here when the body has one.
/// </summary>
public sealed class KubernetesApiException(int code, string? reason, string message) : Exception(message)
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The HTTP status code, or the Status object's <c>code</c>; 0 when unknown.</summary>
    public int Code { get; } = code;

    /// <summary>The Status object's <c>reason</c> (<c>Expired</c>, <c>Gone</c>...), when it has one.</summary>
    public string? Reason { get; } = reason;

    /// <summary>410: the resourceVersion (or continue token) is older than the server keeps; only a new LIST helps.</summary>
    public bool IsExpired => Code == 410;

    public static async Task<KubernetesApiException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        byte[] body;
        try
        {
            body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            body = [];
        }

        if (TryParseStatus(body, out var status))
            return FromStatus(status, operation, code);
        return new KubernetesApiException(code, null, $"{operation}: HTTP {code} {response.ReasonPhrase}");
    }

    /// <summary>From a <c>Status</c> object; <paramref name="fallbackCode"/> when it has no <c>code</c>.</summary>
    public static KubernetesApiException FromStatus(JsonElement status, string operation, int fallbackCode = 0)
    {
        var code = status.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : fallbackCode;
        var reason = StringMember(status, "reason");
        var message = StringMember(status, "message") ?? "no message";
        return new KubernetesApiException(code, reason, $"{operation}: {code} {reason}: {message}");
    }

    private static string? StringMember(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryParseStatus(byte[] body, out JsonElement status)
    {
        status = default;
        try
        {
            var reader = new Utf8JsonReader(body, JsonLimits.ReaderOptions);
            status = JsonElement.ParseValue(ref reader);
            return status.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return buffer[..length];
    }
}
