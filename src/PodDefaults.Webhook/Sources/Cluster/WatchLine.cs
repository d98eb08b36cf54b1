using System.Buffers;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>What one line of a watch stream held: an event, or why it could not be used.</summary>
public readonly record struct WatchLine(WatchEvent Event, string? Error)
{
    public bool IsMalformed => Error is not null;

    public static WatchLine Read(ReadOnlySequence<byte> line)
    {
        try
        {
            return new WatchLine(WatchEvent.Parse(line), null);
        }
        catch (FormatException e)
        {
            return Malformed(e.Message);
        }
    }

    public static WatchLine Malformed(string error) => new(default, error);
}
