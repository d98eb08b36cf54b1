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
/// <remarks>
/// The operations are concatenated as bytes rather than written through <see cref="Utf8JsonWriter"/>: every path
/// would otherwise go through the encoder's escaping scan, a sixth of an admission's instructions, for text that
/// only needs escaping when a key holds a quote, a backslash or a control character.
/// </remarks>
public sealed class PatchWriter
{
    /// <summary>
    /// The largest patch the webhook returns: the API server accepts at most 3 MiB for an object, so a pod grown
    /// by more than that cannot be stored. Past it the writer stops writing (a 100,000-container pod would
    /// otherwise get a 90 MB patch) and the admission is refused.
    /// </summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    private static readonly SearchValues<byte> NeedsEscaping = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (byte)c), (byte)'"', (byte)'\\']);

    private IBufferWriter<byte> output = DetachedOutput.Instance;

    private int written;

    public int OperationCount { get; private set; }

    /// <summary>The patch would be larger than <see cref="MaxBytes"/>: what was written is incomplete, do not send it.</summary>
    public bool TooLarge { get; private set; }

    public void Start(IBufferWriter<byte> output)
    {
        this.output = output;
        OperationCount = 0;
        written = 0;
        TooLarge = false;
        Write("["u8);
    }

    public void Finish()
    {
        Write("]"u8);
        output = DetachedOutput.Instance;
    }

    /// <summary><c>add</c> of one value given as JSON.</summary>
    public void Add(ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        StartAdd(path);
        Write(value);
        Write("}"u8);
    }

    /// <summary><c>add</c> of a new list holding the items.</summary>
    public void AddList(ReadOnlySpan<byte> path, ReadOnlySpan<AddedItem> items)
    {
        StartAdd(path);
        Write("["u8);
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
                Write(","u8);
            Write(items[i].Item.Json);
        }
        Write("]}"u8);
    }

    /// <summary><c>add</c> of a new object (a map) holding the items, by key.</summary>
    public void AddObject(ReadOnlySpan<byte> path, ReadOnlySpan<AddedItem> members)
    {
        StartAdd(path);
        Write("{"u8);
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
                Write(","u8);
            WriteString(members[i].Item.KeyUtf8);
            Write(":"u8);
            Write(members[i].Item.Json);
        }
        Write("}}"u8);
    }

    private void StartAdd(ReadOnlySpan<byte> path)
    {
        Write(OperationCount++ == 0 ? "{\"op\":\"add\",\"path\":"u8 : ",{\"op\":\"add\",\"path\":"u8);
        WriteString(path);
        Write(",\"value\":"u8);
    }

    /// <summary>A JSON string of UTF-8 text: paths and keys are built from PodDefault keys (.NET strings) and ASCII literals.</summary>
    private void WriteString(ReadOnlySpan<byte> text)
    {
        Write("\""u8);
        if (text.IndexOfAny(NeedsEscaping) < 0)
            Write(text);
        else
            Write(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        Write("\""u8);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (TooLarge || written + bytes.Length > MaxBytes)
        {
            TooLarge = true;
            return;
        }
        written += bytes.Length;
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
