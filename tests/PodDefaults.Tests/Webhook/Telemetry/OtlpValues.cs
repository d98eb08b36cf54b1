using PodDefaults.Tests.Webhook.Telemetry.Otlp;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>Reading OTLP attributes and ids the way the assertions need them.</summary>
public static class OtlpValues
{
    public static AnyValue? Get(this IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value;

    public static string? GetString(this IEnumerable<KeyValue> attributes, string key) =>
        attributes.Get(key) is { ValueCase: AnyValue.ValueOneofCase.StringValue } value ? value.StringValue : null;

    public static long? GetInt(this IEnumerable<KeyValue> attributes, string key) =>
        attributes.Get(key) is { ValueCase: AnyValue.ValueOneofCase.IntValue } value ? value.IntValue : null;

    public static string[]? GetStrings(this IEnumerable<KeyValue> attributes, string key) =>
        attributes.Get(key) is { ValueCase: AnyValue.ValueOneofCase.ArrayValue } value ? [.. value.ArrayValue.Values.Select(v => v.StringValue)] : null;

    public static string Hex(this Google.Protobuf.ByteString id) => Convert.ToHexStringLower(id.Span);
}
