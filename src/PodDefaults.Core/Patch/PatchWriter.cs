using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodDefaults.Core.Buffers;
using PodDefaults.Core.Merge;

namespace PodDefaults.Core.Patch;

/// <summary>
/// Writes an RFC 6902 JSON Patch of <c>add</c> operations straight into a buffer. Values are the PodDefaults'
/// items, already compact JSON, copied in without re-serializing.
/// </summary>
public sealed class PatchWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter json = new(DetachedOutput.Instance, Options);

    public int OperationCount { get; private set; }

    public void Start(IBufferWriter<byte> output)
    {
        json.Reset(output);
        OperationCount = 0;
        json.WriteStartArray();
    }

    public void Finish()
    {
        json.WriteEndArray();
        json.Flush();
        json.Reset(DetachedOutput.Instance);
    }

    /// <summary><c>add</c> of one value given as JSON.</summary>
    public void Add(ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        StartAdd(path);
        json.WriteRawValue(value, skipInputValidation: true);
        json.WriteEndObject();
    }

    /// <summary><c>add</c> of a new list holding the items.</summary>
    public void AddList(ReadOnlySpan<byte> path, ReadOnlySpan<AddedItem> items)
    {
        StartAdd(path);
        json.WriteStartArray();
        foreach (var item in items)
            json.WriteRawValue(item.Item.Json, skipInputValidation: true);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>add</c> of a new object (a map) holding the items, by key.</summary>
    public void AddObject(ReadOnlySpan<byte> path, ReadOnlySpan<AddedItem> members)
    {
        StartAdd(path);
        json.WriteStartObject();
        foreach (var member in members)
        {
            json.WritePropertyName(member.Item.KeyUtf8);
            json.WriteRawValue(member.Item.Json, skipInputValidation: true);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void StartAdd(ReadOnlySpan<byte> path)
    {
        OperationCount++;
        json.WriteStartObject();
        json.WriteString("op"u8, "add"u8);
        json.WriteString("path"u8, path);
        json.WritePropertyName("value"u8);
    }
}
