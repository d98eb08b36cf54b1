namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// A YAML stream that cannot become JSON: where (1-based line and column) and why. Raised for syntax errors
/// (YamlDotNet's own exceptions are translated into this), and for YAML that has no JSON form.
/// </summary>
public sealed class YamlToJsonException : Exception
{
    public YamlToJsonException(int line, int column, string reason, Exception? inner = null)
        : base($"line {line}, column {column}: {reason}", inner)
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    internal YamlToJsonException(YamlPosition position, string reason, Exception? inner = null)
        : this(position.Line, position.Column, reason, inner)
    {
    }

    /// <summary>1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
