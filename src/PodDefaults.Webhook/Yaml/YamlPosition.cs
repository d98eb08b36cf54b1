using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>A 1-based line and column in the YAML text.</summary>
internal readonly record struct YamlPosition(int Line, int Column)
{
    /// <summary>YamlDotNet's marks are already 1-based, but 64-bit.</summary>
    public static YamlPosition From(Mark mark) =>
        new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    public static YamlPosition Later(YamlPosition a, YamlPosition b) =>
        (a.Line, a.Column).CompareTo((b.Line, b.Column)) >= 0 ? a : b;
}
