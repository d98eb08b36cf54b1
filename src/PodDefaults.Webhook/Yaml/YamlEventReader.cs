using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// YamlDotNet's event parser (no deserializer: that one needs reflection), with every failure turned into a
/// <see cref="YamlToJsonException"/> placed where the problem is.
/// </summary>
internal sealed class YamlEventReader
{
    private readonly Scanner scanner;
    private readonly Parser parser;

    public YamlEventReader(TextReader yaml)
    {
        // A byte order mark left in the text (bytes decoded by hand) is not content; YamlDotNet would keep it.
        if (yaml.Peek() == '\uFEFF')
        {
            yaml.Read();
        }

        // The scanner is kept to know where it stopped when it fails.
        scanner = new Scanner(yaml, skipComments: true);
        parser = new Parser(scanner);
    }

    /// <summary>The next event, or null after the end of the stream.</summary>
    public ParsingEvent? Next()
    {
        try
        {
            return parser.MoveNext() ? parser.Current : null;
        }
        catch (SyntaxErrorException e)
        {
            // The scanner's marks can name where the construct began (a tab used as indentation is reported at
            // the start of its enclosing mapping); where the scanner stopped is where the bad text is.
            throw new YamlToJsonException(
                YamlPosition.Later(YamlPosition.From(e.Start), YamlPosition.From(scanner.CurrentPosition)), e.Message, e);
        }
        catch (YamlException e)
        {
            throw new YamlToJsonException(YamlPosition.From(e.Start), e.Message, e);
        }
        catch (Exception e) when (e is not (IOException or OutOfMemoryException))
        {
            // Some malformed input (an unclosed '[' followed by a key, for one) trips an internal check of
            // YamlDotNet instead of raising a YamlException. Failures to read the text itself stay as they are.
            throw new YamlToJsonException(
                YamlPosition.From(scanner.CurrentPosition),
                "malformed YAML: the parser could not go on from here (look above for an unclosed '[', '{' or quote)",
                e);
        }
    }
}
