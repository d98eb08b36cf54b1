namespace PodDefaults.Webhook.Cli;

/// <summary>
/// The flags of one command: <c>--name value</c>, <c>--name=value</c> or <c>-n value</c>, each known to the
/// command (aliases such as Kubeflow's <c>--webhookPort</c> map to one canonical name).
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    /// <param name="args">The arguments after the command name.</param>
    /// <param name="flags">Every accepted spelling, mapped to its canonical name.</param>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> flags)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=') : -1;
            var spelling = equals > 0 ? arg[..equals] : arg;
            if (!flags.TryGetValue(spelling, out var name))
                throw new CliException($"unknown argument \"{arg}\"");
            string value;
            if (equals > 0)
                value = arg[(equals + 1)..];
            else if (i + 1 < args.Count)
                value = args[++i];
            else
                throw new CliException($"{spelling} needs a value");
            if (!parsed.values.TryAdd(name, value))
                throw new CliException($"{spelling} is given twice");
        }
        return parsed;
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Required(string name, string spelling) =>
        Get(name) ?? throw new CliException($"{spelling} is required");

    public int Port(string name, int fallback)
    {
        if (Get(name) is not { } text)
            return fallback;
        return int.TryParse(text, out var port) && port is > 0 and <= 65535
            ? port
            : throw new CliException($"\"{text}\" is not a port number (1-65535)");
    }
}
