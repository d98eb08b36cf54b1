using System.Threading.Channels;

namespace PodDefaults.ApiServerStandIn;

/// <summary>One open watch: the messages the store has for it, in order.</summary>
public sealed class WatchSubscription(bool bookmarks)
{
    private readonly Channel<WatchMessage> messages = Channel.CreateUnbounded<WatchMessage>(new UnboundedChannelOptions { SingleReader = true });

    public bool Bookmarks { get; } = bookmarks;

    public ChannelReader<WatchMessage> Reader => messages.Reader;

    public void Send(WatchMessage message) => messages.Writer.TryWrite(message);
}
