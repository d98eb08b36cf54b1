using System.Globalization;
using System.Net;

namespace PodDefaults.Webhook.Cli;

/// <summary>How flag values are read from their text; each throws a <see cref="FlagValueException"/> saying why not.</summary>
internal static class FlagValues
{
    public static string Text(string text) =>
        text.Length > 0 ? text : throw new FlagValueException("is empty");

    /// <summary>A file that exists now: a typo in a mounted path fails the start, not the first handshake.</summary>
    public static string ExistingFile(string text)
    {
        Text(text);
        if (Directory.Exists(text))
            throw new FlagValueException("is a folder, not a file");
        return File.Exists(text) ? text : throw new FlagValueException("names no file");
    }

    /// <summary>A file or a folder that exists now.</summary>
    public static string ExistingPath(string text)
    {
        Text(text);
        return File.Exists(text) || Directory.Exists(text) ? text : throw new FlagValueException("names no file or folder");
    }

    public static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FlagValueException("is not a port number (1-65535)");

    public static IPAddress Address(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new FlagValueException("is not an IP address");

    public static int PositiveNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FlagValueException("is not a positive number");

    /// <summary>Whole seconds from 0 to <paramref name="max"/>.</summary>
    public static Func<string, TimeSpan> Seconds(int max) => text =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw new FlagValueException($"is not a number of seconds from 0 to {max}");

    /// <summary>One of <paramref name="choices"/>, by its name.</summary>
    public static Func<string, T> OneOf<T>(IReadOnlyDictionary<string, T> choices) => text =>
        choices.TryGetValue(text, out var value) ? value : throw new FlagValueException($"is not one of {string.Join(", ", choices.Keys)}");
}
