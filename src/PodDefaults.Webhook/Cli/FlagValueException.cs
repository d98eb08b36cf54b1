namespace PodDefaults.Webhook.Cli;

/// <summary>
/// A flag's value that cannot be used. The message is the reason as the end of a sentence that starts with the
/// flag and its value: <c>is not a port number (1-65535)</c>.
/// </summary>
internal sealed class FlagValueException(string reason) : Exception(reason);
