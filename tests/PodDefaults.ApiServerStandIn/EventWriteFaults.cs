using System.Collections.Concurrent;

namespace PodDefaults.ApiServerStandIn;

/// <summary>Misbehaviours for the next change event any watch writes (bookmarks and injected lines pass untouched).</summary>
public sealed class EventWriteFaults
{
    private readonly ConcurrentQueue<(bool Drop, TimeSpan Delay)> pending = new();

    /// <summary>Write half the next event, flush, wait, then the rest: the client reads it in two pieces.</summary>
    public void SplitNext(TimeSpan delay) => pending.Enqueue((false, delay));

    /// <summary>Write half the next event, then cut the connection.</summary>
    public void DropNext() => pending.Enqueue((true, TimeSpan.Zero));

    /// <summary>Faults not yet applied to an event.</summary>
    public int Pending => pending.Count;

    internal bool TryTake(out (bool Drop, TimeSpan Delay) fault) => pending.TryDequeue(out fault);

    /// <summary>
    /// Where to cut a line: inside its first multi-byte UTF-8 character when it has one, so that a reader that
    /// decodes each read on its own would garble it; else in the middle.
    /// </summary>
    internal static int SplitPoint(byte[] line)
    {
        var firstNonAscii = Array.FindIndex(line, b => b >= 0x80);
        return firstNonAscii >= 0 ? firstNonAscii + 1 : line.Length / 2;
    }
}
