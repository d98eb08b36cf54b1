using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Writes one composed document as JSON, expanding aliases and merge keys, and records the line of every node
/// it writes under the node's JSON Pointer.
/// </summary>
internal sealed class YamlJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Non-ASCII text stays readable; the JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Utf8JsonWriter json;
    private readonly YamlLineMap lines = new();
    private readonly int maxNodes;
    private readonly long maxBytes;
    private int written;

    /// <summary>The alias, written in the document's own flow, whose expansion is being written, if any.</summary>
    private YamlAlias? expansion;

    private YamlJsonWriter(Utf8JsonWriter json, int maxNodes, long maxBytes)
    {
        this.json = json;
        this.maxNodes = maxNodes;
        this.maxBytes = maxBytes;
    }

    /// <param name="maxBytes">How many bytes of JSON the document may take: what its stream has left of <see cref="YamlLimits.MaxJsonBytes"/>.</param>
    public static YamlJsonDocument Write(ComposedDocument document, long maxBytes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, Options);
        var writer = new YamlJsonWriter(json, document.NodeCount + YamlLimits.MaxExpandedNodes, maxBytes);
        var root = document.Root;
        writer.Write(root, LineMapPointer.Root, root.Position.Line, depth: 0);
        json.Flush();
        return new YamlJsonDocument(buffer.WrittenSpan.ToArray(), root.Position.Line, writer.lines);
    }

    /// <param name="line">The line to record: a member's key line, else the node's own.</param>
    private void Write(YamlNode node, string pointer, int line, int depth)
    {
        // Limits are reported at the alias that leads there: the node itself may be far away in an anchor.
        var at = (expansion ?? node).Position;
        if (++written > maxNodes)
        {
            throw new YamlToJsonException(
                at,
                $"aliases expand this document by more than {YamlLimits.MaxExpandedNodes} nodes; is it an alias bomb?");
        }

        if (depth > YamlLimits.MaxDepth)
        {
            throw new YamlToJsonException(
                at, $"through aliases, mappings and sequences nest deeper than {YamlLimits.MaxDepth} levels");
        }

        lines.Record(pointer, line);
        switch (node)
        {
            case YamlAlias alias:
                var outer = expansion;
                expansion ??= alias;
                Write(alias.Target, pointer, line, depth); // the pointer keeps the alias's line
                expansion = outer;
                break;
            case YamlMapping mapping:
                json.WriteStartObject();
                foreach (var member in YamlMappingMembers.Of(mapping))
                {
                    Spend(member.Name.Length, at);
                    json.WritePropertyName(member.Name);
                    Write(member.Value, LineMapPointer.Append(pointer, member.Name), member.Key.Position.Line, depth + 1);
                }

                json.WriteEndObject();
                break;
            case YamlSequence sequence:
                json.WriteStartArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var item = sequence.Items[i];
                    Write(item, LineMapPointer.Append(pointer, i), item.Position.Line, depth + 1);
                }

                json.WriteEndArray();
                break;
            case YamlScalar scalar:
                Spend(scalar.Value.Length, at);
                WriteScalar(scalar);
                break;
        }
    }

    /// <summary>
    /// Refuses to write <paramref name="chars"/> more characters (at least as many bytes) once the JSON would pass
    /// its bound: checked before writing, so an alias of a huge scalar fails before its copy is made.
    /// </summary>
    private void Spend(int chars, YamlPosition at)
    {
        if (json.BytesCommitted + json.BytesPending + chars > maxBytes)
        {
            throw new YamlToJsonException(
                at,
                $"the JSON this file converts to passes {YamlLimits.MaxJsonBytes / (1024 * 1024)} MiB; do aliases repeat a large value?");
        }
    }

    private void WriteScalar(YamlScalar scalar)
    {
        var resolved = YamlScalarResolver.Resolve(scalar);
        switch (resolved.Kind)
        {
            case ScalarKind.String:
                json.WriteStringValue(resolved.Text);
                break;
            case ScalarKind.NonFiniteFloat:
                throw new YamlToJsonException(
                    scalar.Position, $"{scalar.Value} is a float that JSON cannot hold; quote it to keep it as text");
            default:
                json.WriteRawValue(resolved.Text); // null, true, false and numbers, already in JSON form
                break;
        }
    }
}
