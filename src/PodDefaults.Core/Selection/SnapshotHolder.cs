namespace PodDefaults.Core.Selection;

/// <summary>
/// The one place the current snapshot lives. A source is its only writer; admissions read it. Publishing is a
/// single reference write, so a reader sees the old snapshot or the new one, never a mix.
/// </summary>
public sealed class SnapshotHolder
{
    private PodDefaultSnapshot current = PodDefaultSnapshot.Empty;

    public PodDefaultSnapshot Current => Volatile.Read(ref current);

    public void Publish(PodDefaultSnapshot snapshot) => Volatile.Write(ref current, snapshot);
}
