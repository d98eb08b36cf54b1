namespace PodDefaults.Tests.TestSupport;

/// <summary>
/// What kube-apiserver does with the warnings of an admission response before the user sees them, written from
/// k8s.io/apiserver pkg/endpoints/filters/warning.go (the recorder) and k8s.io/apimachinery pkg/util/net/http.go
/// (NewWarningHeader). The mutating dispatcher adds each response warning with an empty agent. The recorder:
/// ignores empty text; once truncating and at or past the total, drops; deduplicates by text; truncates a warning
/// to the item limit when already truncating; drops one NewWarningHeader refuses (invalid UTF-8 or a control
/// character); writes it when it fits the total (or when truncating); else starts truncating and replays every
/// recorded warning cut to the item limit, with no further total check.
/// </summary>
public sealed class ApiServerWarningRecorder(int totalRunes = 4 * 1024, int itemRunes = 256)
{
    private readonly HashSet<string> recorded = new(StringComparer.Ordinal);
    private readonly List<string> ordered = [];
    private readonly List<string> headers = [];
    private int written;
    private bool truncating;

    /// <summary>The warning texts the user receives, in order.</summary>
    public IReadOnlyList<string> Received => headers;

    public static IReadOnlyList<string> Receive(IEnumerable<string> warnings)
    {
        var recorder = new ApiServerWarningRecorder();
        foreach (var warning in warnings)
            recorder.AddWarning(warning);
        return recorder.Received;
    }

    public void AddWarning(string text)
    {
        if (text.Length == 0)
            return;
        if (written >= totalRunes && truncating)
            return;
        if (!recorded.Add(text))
            return;
        ordered.Add(text);

        var runes = Runes(text);
        if (truncating && runes > itemRunes)
        {
            text = Cut(text, itemRunes);
            runes = itemRunes;
        }
        if (!IsValidHeaderText(text))
            return;
        if (written + runes <= totalRunes || truncating)
        {
            written += runes;
            headers.Add(text);
            return;
        }

        truncating = true;
        written = 0;
        headers.Clear();
        foreach (var item in ordered)
        {
            var replayed = item;
            var replayedRunes = Runes(replayed);
            if (replayedRunes > itemRunes)
            {
                replayed = Cut(replayed, itemRunes);
                replayedRunes = itemRunes;
            }
            if (IsValidHeaderText(replayed))
            {
                written += replayedRunes;
                headers.Add(replayed);
            }
        }
    }

    /// <summary>
    /// NewWarningHeader's test of the text: valid UTF-8 (a .NET string with a lone surrogate has none) and no
    /// rune that Go's unicode.IsControl reports (U+0000-U+001F and U+007F-U+009F).
    /// </summary>
    public static bool IsValidHeaderText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
                return false;
            if (rune.Value <= 0x1F || rune.Value is >= 0x7F and <= 0x9F)
                return false;
            i += rune.Utf16SequenceLength - 1;
        }
        return true;
    }

    /// <summary>Go's utf8.RuneCountInString: code points (a lone surrogate, invalid in UTF-8, counts as one).</summary>
    public static int Runes(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
                i += rune.Utf16SequenceLength - 1;
        }
        return count;
    }

    /// <summary>string([]rune(text)[:n]).</summary>
    private static string Cut(string text, int runes)
    {
        var end = 0;
        for (var kept = 0; kept < runes && end < text.Length; kept++)
            end += Rune.TryGetRuneAt(text, end, out var rune) ? rune.Utf16SequenceLength : 1;
        return text[..end];
    }
}
