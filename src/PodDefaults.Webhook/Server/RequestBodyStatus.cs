namespace PodDefaults.Webhook.Server;

/// <summary>How reading a request body ended.</summary>
internal enum RequestBodyStatus
{
    /// <summary>Read whole.</summary>
    Read,

    /// <summary>Larger than <c>--max-request-bytes</c> (413).</summary>
    TooLarge,

    /// <summary>Not all there within <c>--body-read-timeout</c> (408).</summary>
    TimedOut,

    /// <summary>The bodies being read already hold all of <c>--max-body-buffer-bytes</c> (503).</summary>
    OverBudget,
}
