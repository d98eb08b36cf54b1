namespace PodDefaults.Webhook.Sources;

/// <summary>
/// A source cannot start with the options given (a <c>--defaults</c> path that does not exist, no cluster to
/// connect to). Thrown before the host starts, so the command fails with the message instead of serving nothing.
/// </summary>
public sealed class SourceStartException(string message) : Exception(message);
