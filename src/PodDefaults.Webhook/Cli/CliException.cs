namespace PodDefaults.Webhook.Cli;

/// <summary>A command line that cannot be run as given; the message says what to change.</summary>
public sealed class CliException(string message) : Exception(message);
