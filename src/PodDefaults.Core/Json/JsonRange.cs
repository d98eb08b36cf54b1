namespace PodDefaults.Core.Json;

/// <summary>The bytes of one JSON value inside a larger UTF-8 buffer, by offset.</summary>
/// <remarks>Offsets, not slices: the shape of a pod is pooled and reused, the buffer is not.</remarks>
public readonly record struct JsonRange(int Start, int Length)
{
    public static readonly JsonRange None = new(0, -1);

    public bool IsPresent => Length >= 0;

    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> source) => source.Slice(Start, Length);

    /// <summary>The string this value holds, or <see cref="JsonString.None"/> when it is not a string.</summary>
    public JsonString AsString(ReadOnlySpan<byte> source)
    {
        if (Length < 2 || source[Start] != (byte)'"')
            return JsonString.None;
        var text = source.Slice(Start + 1, Length - 2);
        return new JsonString(Start + 1, Length - 2, text.Contains((byte)'\\'));
    }
}
