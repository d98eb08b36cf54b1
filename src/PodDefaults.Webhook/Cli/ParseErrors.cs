using System.CommandLine;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// What is wrong with a command line, one message per mistake: a word no command or flag knows is named, with the
/// nearest known spellings ("did you mean"); a wrong value is named with its flag (the readers' own messages).
/// </summary>
internal static class ParseErrors
{
    public static IEnumerable<string> Describe(ParseResult parsed)
    {
        var unmatched = parsed.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            // The word after an unknown flag is most likely its value: one mistake, said once.
            if (i > 0 && unmatched[i - 1].StartsWith('-') && !unmatched[i].StartsWith('-'))
                continue;
            yield return Unknown(unmatched[i], parsed.CommandResult.Command);
        }
        foreach (var error in parsed.Errors)
        {
            // System.CommandLine reports each unmatched word too, in its own words: said above.
            if (!unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
                yield return error.Message;
        }
    }

    private static string Unknown(string token, Command command)
    {
        var isFlag = token.StartsWith('-');
        var known = isFlag
            ? command.Options.SelectMany(option => option.Aliases.Prepend(option.Name))
            : command.Subcommands.Select(subcommand => subcommand.Name);
        var nearest = known.Where(name => IsNear(token, name)).Distinct().Order(StringComparer.Ordinal).ToList();
        var what = isFlag || command.Subcommands.Count == 0 ? "argument" : "command";
        var message = $"unknown {what} \"{token}\"";
        return nearest.Count == 0 ? message : $"{message}; did you mean {string.Join(" or ", nearest)}?";
    }

    /// <summary>A typo away: at most two edits (one for short words), letter case not counted.</summary>
    private static bool IsNear(string typed, string known)
    {
        var equals = typed.IndexOf('=');
        if (equals > 0)
            typed = typed[..equals];
        var allowed = known.TrimStart('-').Length <= 4 ? 1 : 2;
        return EditDistance(typed.ToLowerInvariant(), known.ToLowerInvariant()) <= allowed;
    }

    /// <summary>Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment).</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
