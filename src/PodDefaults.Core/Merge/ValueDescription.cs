using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Merge;

/// <summary>
/// Renders a value for a conflict message. Messages reach users and logs, so secret material never appears:
/// env values only from plain <c>value</c>, never <c>valueFrom</c> contents; nothing longer than 64 bytes.
/// </summary>
public static class ValueDescription
{
    public const int MaxShownBytes = 64;

    public static string Describe(ValueKind kind, ReadOnlySpan<byte> json) => kind switch
    {
        ValueKind.EnvVar => DescribeEnvVar(json),
        ValueKind.Container => "a different container",
        _ => DescribeJson(json),
    };

    private static string DescribeJson(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxShownBytes + 2)
            return $"a value of {json.Length} bytes";
        return Encoding.UTF8.GetString(json);
    }

    private static string DescribeEnvVar(ReadOnlySpan<byte> json)
    {
        // The pod's item may nest as deep as the request reader allows, past JsonDocument's default of 64.
        using var document = JsonDocument.Parse(json.ToArray(), JsonLimits.DocumentOptions);
        var env = document.RootElement;
        if (env.TryGetProperty("valueFrom", out var valueFrom) && valueFrom.ValueKind != JsonValueKind.Null)
            return "a valueFrom reference";
        if (env.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            return DescribeJson(JsonMarshal.GetRawUtf8Value(value));
        return "an empty value";
    }
}
