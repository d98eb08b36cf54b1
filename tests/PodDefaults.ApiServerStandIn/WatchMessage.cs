namespace PodDefaults.ApiServerStandIn;

/// <summary>What the store sends to an open watch.</summary>
public abstract record WatchMessage
{
    /// <summary>A line to write as it is: an event, a bookmark, an ERROR, or garbage a test injects.</summary>
    public sealed record Line(byte[] Bytes, bool IsBookmark = false) : WatchMessage;

    /// <summary>Cut the connection now (the server went away).</summary>
    public sealed record Drop : WatchMessage;

    /// <summary>End the response cleanly, as at the watch's timeout.</summary>
    public sealed record End : WatchMessage;
}
