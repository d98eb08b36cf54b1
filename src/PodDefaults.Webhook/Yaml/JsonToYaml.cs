using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Writes JSON as block-style YAML, the way kubectl prints objects: two-space indent, a list's items level with
/// its key, members in the object's order, strings quoted only where the plain text would read back as something
/// else (<see cref="YamlStringStyle"/>), text of several lines as literal blocks. Converting the output back with
/// <see cref="YamlToJson"/> gives the same JSON. Uses YamlDotNet's emitter (events, no reflection).
/// </summary>
public static class JsonToYaml
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false, newLine: "\n");

    public static void Write(JsonNode? json, TextWriter output)
    {
        var emitter = new Emitter(output, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, json);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    public static string ToYaml(JsonNode? json)
    {
        var output = new StringWriter { NewLine = "\n" };
        Write(json, output);
        return output.ToString();
    }

    private static void Write(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (name, value) in obj)
                {
                    WriteScalar(emitter, name, YamlStringStyle.ForKey(name));
                    Write(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in array)
                    Write(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                WriteScalar(emitter, text, YamlStringStyle.For(text));
                break;
            default:
                // null, true, false and numbers: their JSON text is also their plain YAML text.
                WriteScalar(emitter, node?.ToJsonString() ?? "null", ScalarStyle.Plain);
                break;
        }
    }

    private static void WriteScalar(IEmitter emitter, string text, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true));
}
