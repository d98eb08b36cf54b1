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

    public static long PositiveLong(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FlagValueException("is not a positive number");

    /// <summary>Seconds above 0 and at most <paramref name="max"/>, fractions allowed.</summary>
    public static Func<string, TimeSpan> PositiveSeconds(int max) => text =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw new FlagValueException($"is not a number of seconds above 0, at most {max}");

    /// <summary><c>NAME</c> (in the pod's own namespace) or <c>NAMESPACE/NAME</c>.</summary>
    public static (string Namespace, string Name) SecretReference(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = slash >= 0 ? (text[..slash], text[(slash + 1)..]) : (OwnNamespace(), text);
        if (ns.Length == 0 || name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            throw new FlagValueException("is not NAME or NAMESPACE/NAME");
        return (ns, name);
    }

    /// <summary>Where a pod's namespace comes from when a flag names none: the Downward API, else the service account.</summary>
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    private static string OwnNamespace()
    {
        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        try
        {
            return File.ReadAllText(ServiceAccountNamespaceFile).Trim() is { Length: > 0 } fromServiceAccount
                ? fromServiceAccount
                : throw new FlagValueException($"names no namespace and {ServiceAccountNamespaceFile} is empty; give NAMESPACE/NAME");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FlagValueException("names no namespace, and there is no POD_NAMESPACE and no service account; give NAMESPACE/NAME");
        }
    }
}
