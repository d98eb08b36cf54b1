using System.Text.RegularExpressions;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>Reads the Prometheus text exposition format and the series names a PromQL expression uses.</summary>
internal static partial class PrometheusText
{
    /// <summary>Every sample line's series name, with the label names seen on it.</summary>
    public static Dictionary<string, HashSet<string>> Series(string exposition)
    {
        var series = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var match = Sample().Match(line);
            if (!match.Success)
                throw new FormatException($"not a sample line: {line}");
            var labels = series.TryGetValue(match.Groups["name"].Value, out var known) ? known : series[match.Groups["name"].Value] = [];
            foreach (Match label in LabelName().Matches(match.Groups["labels"].Value))
                labels.Add(label.Groups["name"].Value);
        }
        return series;
    }

    /// <summary>
    /// The series an expression selects (metric names), each with the label names it matches on or groups by.
    /// Only names with one of <paramref name="prefixes"/> count: functions and keywords are not series.
    /// </summary>
    public static IEnumerable<(string Series, IReadOnlyList<string> Labels)> Selected(string expr, IReadOnlyList<string> prefixes)
    {
        var grouping = Grouping().Matches(expr).SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var withoutGrouping = Grouping().Replace(expr, " ");
        foreach (Match selector in Selector().Matches(withoutGrouping))
        {
            var name = selector.Groups["name"].Value;
            if (!prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                continue;
            var labels = LabelName().Matches(selector.Groups["labels"].Value).Select(l => l.Groups["name"].Value).Concat(grouping).Where(l => l != "le").ToList();
            yield return (name, labels);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? \S+( \d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)\s*(=|!=|=~|!~)\s*""")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w""])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{(?<labels>[^}]*)\})?")]
    private static partial Regex Selector();
}
