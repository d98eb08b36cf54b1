namespace PodDefaults.Core.Json;

/// <summary>Whether two JSON strings of one buffer have the same text once their escapes are resolved.</summary>
internal static class JsonTextEquality
{
    public static bool Equal(ReadOnlySpan<byte> source, JsonString a, JsonString b)
    {
        if (!a.IsPresent || !b.IsPresent)
            return a.IsPresent == b.IsPresent;
        if (!a.Escaped && !b.Escaped)
            return a.Raw(source).SequenceEqual(b.Raw(source));
        if (!a.Escaped)
            return b.TextEquals(source, a.Raw(source));
        if (!b.Escaped)
            return a.TextEquals(source, b.Raw(source));
        // Both escaped: rare (the API server escapes only what JSON requires), so allocating here is fine.
        return a.ToString(source) == b.ToString(source);
    }
}
