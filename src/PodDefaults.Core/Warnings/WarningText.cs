using System.Globalization;
using System.Text;

namespace PodDefaults.Core.Warnings;

/// <summary>
/// Text as an admission warning must be to reach the user: the API server passes each warning to an HTTP
/// <c>Warning</c> header and silently drops one holding a control character or invalid UTF-8, and it measures
/// warnings in runes (code points), as Go does.
/// </summary>
public static class WarningText
{
    private const string Ellipsis = "…";

    /// <summary>
    /// Replaces every character a header cannot carry, or that would rewrite what a terminal shows (control and
    /// format characters, line and paragraph separators, lone surrogates) with a visible escape such as
    /// <c>\u0009</c>. Returns the same string when there is nothing to escape.
    /// </summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                if (IsUnsafe(rune))
                    escaped.Append(rune.IsBmp ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}");
                else
                    escaped.Append(text, i, rune.Utf16SequenceLength);
                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                escaped.Append($"\\u{(int)text[i]:X4}"); // a lone surrogate: no UTF-8 for it
            }
        }
        return escaped.ToString();
    }

    /// <summary>The length as the API server counts it: code points.</summary>
    public static int Runes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }

    /// <summary>The text cut to at most <paramref name="maxRunes"/> runes, ending with "…" when cut; empty when 0.</summary>
    public static string Shorten(string text, int maxRunes)
    {
        if (maxRunes <= 0)
            return "";
        if (Runes(text) <= maxRunes)
            return text;
        var kept = 0;
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (kept == maxRunes - 1)
                break;
            kept++;
            length += rune.Utf16SequenceLength;
        }
        return string.Concat(text.AsSpan(0, length), Ellipsis);
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune) || IsUnsafe(rune))
                return true;
            i += rune.Utf16SequenceLength - 1;
        }
        return false;
    }

    private static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}
