using System.CommandLine;
using System.CommandLine.Parsing;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// One flag of <c>poddefaults serve</c>, declared once in <see cref="ServeFlags"/>: its names, its environment
/// variable, its default, its help, how its text is read and where the value lands in <see cref="ServeOptions"/>.
/// A value from the command line wins over the variable; neither leaves <see cref="ServeOptions"/> as it is.
/// </summary>
internal abstract class ServeFlag
{
    public const string EnvironmentPrefix = "PODDEFAULTS_";

    /// <summary>The option System.CommandLine parses and shows in <c>serve --help</c>.</summary>
    public abstract Option Option { get; }

    /// <summary><c>PODDEFAULTS_</c> and the flag's name in capitals, dashes as underscores: <c>--tls-cert</c> is <c>PODDEFAULTS_TLS_CERT</c>.</summary>
    public string EnvironmentVariable => EnvironmentPrefix + Option.Name.TrimStart('-').ToUpperInvariant().Replace('-', '_');

    /// <summary>The options with this flag's value, from the command line, else from its variable, else unchanged.</summary>
    /// <exception cref="CliException">The variable's value cannot be read; the message names the variable and the value.</exception>
    public abstract ServeOptions Apply(ServeOptions options, ParseResult parsed, Func<string, string?> environment);
}

/// <typeparam name="T">The value's type once read.</typeparam>
/// <param name="name">The flag, with its dashes (<c>--port</c>); its variable is named after it.</param>
/// <param name="valueName">What the value is, in capitals, for the help (<c>N</c>, <c>FILE</c>).</param>
/// <param name="help">One or two sentences for <c>serve --help</c>.</param>
/// <param name="read">Reads the text of a value; a <see cref="FlagValueException"/> says why it cannot.</param>
/// <param name="apply">Where the value lands.</param>
/// <param name="aliases">Other spellings (Kubeflow's <c>--webhookPort</c>).</param>
/// <param name="defaultText">The default as the help shows it; null when there is none to show.</param>
internal sealed class ServeFlag<T>(
    string name,
    string valueName,
    string help,
    Func<string, T> read,
    Func<ServeOptions, T, ServeOptions> apply,
    string[]? aliases = null,
    string? defaultText = null) : ServeFlag
{
    private readonly Option<T> option = CreateOption(name, valueName, help, read, aliases, defaultText);

    public override Option Option => option;

    public override ServeOptions Apply(ServeOptions options, ParseResult parsed, Func<string, string?> environment)
    {
        if (parsed.GetResult(option) is not null)
            return apply(options, parsed.GetValue(option)!);
        if (environment(EnvironmentVariable) is not { } text)
            return options;
        try
        {
            return apply(options, read(text));
        }
        catch (FlagValueException error)
        {
            throw new CliException($"{EnvironmentVariable}=\"{text}\" {error.Message}");
        }
    }

    private static Option<T> CreateOption(string name, string valueName, string help, Func<string, T> read, string[]? aliases, string? defaultText)
    {
        var variable = EnvironmentPrefix + name.TrimStart('-').ToUpperInvariant().Replace('-', '_');
        var description = defaultText is null ? $"{help} [env: {variable}]" : $"{help} [default: {defaultText}] [env: {variable}]";
        return new Option<T>(name, aliases ?? [])
        {
            HelpName = valueName,
            Description = description,
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = argument => Read(argument, read),
        };
    }

    private static T Read(ArgumentResult argument, Func<string, T> read)
    {
        var text = argument.Tokens.Count == 1 ? argument.Tokens[0].Value : "";
        try
        {
            return read(text);
        }
        catch (FlagValueException error)
        {
            // The spelling the user typed: --webhookPort is reported as --webhookPort.
            var spelling = (argument.Parent as OptionResult)?.IdentifierToken?.Value ?? argument.Argument.Name;
            argument.AddError($"{spelling} \"{text}\" {error.Message}");
            return default!;
        }
    }
}
