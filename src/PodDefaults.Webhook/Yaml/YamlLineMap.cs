namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// The 1-based line of every node of one converted document, by JSON Pointer (RFC 6901), so that a problem
/// found later in the JSON ("spec.env[1] must be an object") can be reported where the YAML says it. An object
/// member's line is its key's line; an array item's is the line its value starts on.
/// </summary>
public sealed class YamlLineMap
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    internal YamlLineMap()
    {
    }

    /// <summary>How many nodes have a line.</summary>
    public int Count => lines.Count;

    /// <summary>The line of exactly this node, if the document has it.</summary>
    public bool TryGetLine(string jsonPointer, out int line) => lines.TryGetValue(jsonPointer, out line);

    /// <summary>
    /// The line of this node or, when the document has no such node (a member that is missing, an index past
    /// the end), of its nearest ancestor; the root always has one.
    /// </summary>
    public int LineOf(string jsonPointer)
    {
        for (var pointer = jsonPointer; ; pointer = LineMapPointer.Parent(pointer))
        {
            if (lines.TryGetValue(pointer, out var line) || pointer.Length == 0)
            {
                return line;
            }
        }
    }

    /// <summary>The first line recorded for a pointer stays: an alias keeps its own line, not its anchor's.</summary>
    internal void Record(string jsonPointer, int line) => lines.TryAdd(jsonPointer, line);
}
