using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// How a JSON string is written in YAML so that it reads back as the same string: plain when go-yaml v2 would
/// take the plain text as that string (the converter's own resolver decides, so <c>"true"</c>, <c>"010"</c>,
/// <c>"1e3"</c> and <c>"null"</c> are quoted), a literal block when it spans lines, double-quoted otherwise.
/// YamlDotNet's emitter still checks the syntax and single-quotes a plain scalar that cannot be written so
/// (<c>- x</c>, <c>a: b</c>, <c>#x</c>), as kubectl does.
/// </summary>
internal static partial class YamlStringStyle
{
    public static ScalarStyle For(string text)
    {
        if (text.Contains('\n'))
            return IsBlockText(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        return IsPlainText(text) && ReadsBackAsString(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    /// <summary>A mapping key: as <see cref="For"/>, but never a block (a key of several lines is rare enough to escape).</summary>
    public static ScalarStyle ForKey(string text)
    {
        var style = For(text);
        return style == ScalarStyle.Literal ? ScalarStyle.DoubleQuoted : style;
    }

    /// <summary>
    /// Text a literal block holds exactly as it reads. Only <c>\n</c> breaks and printable characters: YAML turns
    /// a CR into a plain line break, and control characters can only be escaped. No whitespace at the start or at
    /// the end of a line: it is invisible there, and YamlDotNet's emitter gets the indentation of such blocks wrong
    /// in places. And some text besides the breaks: it writes a block of breaks alone with a chomping indicator
    /// that drops them.
    /// </summary>
    private static bool IsBlockText(string text) =>
        text.All(c => c == '\n' || IsPrintable(c))
        && text.Any(c => c != '\n')
        && !char.IsWhiteSpace(text[0])
        && text.Split('\n').All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]));

    /// <summary>
    /// No whitespace at either end (a reader strips it from a plain scalar, and the emitter's check misses tabs),
    /// no break of any kind, nothing that needs escaping, and not the merge key <c>&lt;&lt;</c>. Nor a <c>*</c>
    /// after a blank: valid YAML, but YamlDotNet's scanner fails on <c>a *b: 1</c> as a mapping's first key.
    /// </summary>
    private static bool IsPlainText(string text) =>
        text.Length > 0
        && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
        && text.All(IsPrintable)
        && text != "<<"
        && !text.Contains(" *") && !text.Contains("\t*");

    private static bool ReadsBackAsString(string text) =>
        YamlScalarResolver.Resolve(new YamlScalar(default, text, ScalarStyle.Plain, TagName.Empty)).Kind == ScalarKind.String
        // go-yaml v2 decodes a timestamp into a string but quotes it when writing; kubectl output does the same.
        && !Timestamp().IsMatch(text);

    /// <summary>YAML's printable characters, less the line breaks and the byte order mark.</summary>
    private static bool IsPrintable(char c) =>
        c == '\t'
        || c is >= ' ' and <= '~'
        || c is >= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029'
        || char.IsSurrogate(c)
        || c is >= '\uE000' and <= '\uFFFD' and not '\uFEFF';

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
