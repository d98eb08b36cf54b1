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
        catch (Exception e)
        {
            // Whatever else a line can raise, it loses that line only: the stream and later events go on.
            return Malformed(SkipReason.Of(e));
        }
    }

    public static WatchLine Malformed(string error) => new(default, error);
}
