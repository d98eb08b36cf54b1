namespace PodDefaults.Core.Warnings;

/// <summary>
/// The admission warnings that name the PodDefaults skipped for an unusable selector, sized so that the API
/// server's warning recorder hands every one of them to the user unchanged. The recorder drops a warning holding
/// a control character, and once the warnings of a request pass 4096 runes it cuts each to 256 runes and drops
/// the rest. So: names are grouped per reason, a warning stays under 256 runes and all of them under 4096;
/// reasons are shortened before any name is left out, and only when even the names cannot fit does the last
/// warning say how many more were skipped.
/// </summary>
public static class SkippedPodDefaultWarnings
{
    /// <summary>Runes one warning may have (the recorder cuts longer ones to 256 once it truncates).</summary>
    public const int MaxRunes = 255;

    /// <summary>Runes all warnings of a response may have together (past 4096 the recorder cuts and drops).</summary>
    public const int MaxTotalRunes = 4095;

    private const string Skipped = " skipped";
    private const string SkippedBecause = " skipped: ";

    /// <summary>A name longer than this is cut, so that "poddefault NAME skipped" fits one warning.</summary>
    private static readonly int MaxNameRunes = MaxRunes - Subject(1) - Skipped.Length;

    /// <param name="skipped">The skipped PodDefaults in apply order, each with why its selector is unusable.</param>
    public static string[] Compose(IEnumerable<(string Name, string Reason)> skipped)
    {
        var groups = Group(skipped);
        if (groups.Count == 0)
            return [];
        var names = groups.Sum(group => group.Names.Count);

        // The longest reasons that let every name fit, all cut to the same length.
        var longest = groups.Max(group => WarningText.Runes(group.Reason));
        if (Fits(Layout(groups, 0, names)))
            return [.. Layout(groups, Largest(0, longest, cap => Fits(Layout(groups, cap, names))), names)];

        // Not even the names fit: as many as do, then how many more.
        var kept = Largest(0, names - 1, count => Fits([.. Layout(groups, 0, count), More(names - count)]));
        return [.. Layout(groups, 0, kept), More(names - kept)];
    }

    private static List<(string Reason, List<(string Name, int Runes)> Names)> Group(IEnumerable<(string Name, string Reason)> skipped)
    {
        var groups = new List<(string Reason, List<(string Name, int Runes)> Names)>();
        var byReason = new Dictionary<string, List<(string Name, int Runes)>>(StringComparer.Ordinal);
        foreach (var (name, reason) in skipped)
        {
            var escapedReason = WarningText.Escape(reason);
            if (!byReason.TryGetValue(escapedReason, out var names))
            {
                byReason.Add(escapedReason, names = []);
                groups.Add((escapedReason, names));
            }
            var shown = WarningText.Shorten(WarningText.Escape(name), MaxNameRunes);
            names.Add((shown, WarningText.Runes(shown)));
        }
        return groups;
    }

    /// <summary>The warnings for the first <paramref name="count"/> names, reasons cut to <paramref name="reasonCap"/> runes.</summary>
    private static List<string> Layout(List<(string Reason, List<(string Name, int Runes)> Names)> groups, int reasonCap, int count)
    {
        var warnings = new List<string>();
        var batch = new List<(string Name, int Runes)>();
        foreach (var (fullReason, names) in groups)
        {
            var reason = WarningText.Shorten(fullReason, reasonCap);
            var suffix = Suffix(reason);
            var batchRunes = 0;
            foreach (var name in names)
            {
                if (count-- <= 0)
                    break;
                var joined = batchRunes + name.Runes + (batch.Count > 0 ? 2 : 0);
                if (batch.Count > 0 && Subject(batch.Count + 1) + joined + suffix > MaxRunes)
                {
                    warnings.Add(Warning(batch, reason));
                    batch.Clear();
                    joined = name.Runes;
                }
                batch.Add(name);
                batchRunes = joined;
            }
            if (batch.Count > 0)
                warnings.Add(Warning(batch, reason));
            batch.Clear();
        }
        return warnings;
    }

    /// <summary>"poddefault a skipped: reason", or "poddefaults a, b skipped: reason"; the reason cut further if one name leaves too little room.</summary>
    private static string Warning(List<(string Name, int Runes)> batch, string reason)
    {
        var subject = (batch.Count == 1 ? "poddefault " : "poddefaults ") + string.Join(", ", batch.Select(name => name.Name));
        var room = MaxRunes - WarningText.Runes(subject) - SkippedBecause.Length;
        reason = WarningText.Shorten(reason, room);
        return reason.Length == 0 ? subject + Skipped : subject + SkippedBecause + reason;
    }

    private static string More(int count) => count == 1 ? "and 1 more poddefault skipped" : $"and {count} more poddefaults skipped";

    private static int Subject(int names) => names == 1 ? "poddefault ".Length : "poddefaults ".Length;

    private static int Suffix(string reason) => reason.Length == 0 ? Skipped.Length : SkippedBecause.Length + WarningText.Runes(reason);

    private static bool Fits(IEnumerable<string> warnings) => warnings.Sum(WarningText.Runes) <= MaxTotalRunes;

    /// <summary>The largest value in [low, high] that passes, given that low passes and passing only gets harder as values grow.</summary>
    private static int Largest(int low, int high, Func<int, bool> passes)
    {
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (passes(middle))
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }
}
