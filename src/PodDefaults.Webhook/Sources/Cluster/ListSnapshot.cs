using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// The snapshot of a complete LIST, built so that a PodDefault which breaks the build (a defect the index trips
/// on) costs only that PodDefault: the whole list in one go, else namespace by namespace, else one at a time.
/// </summary>
internal static class ListSnapshot
{
    /// <param name="skipped">Called for each PodDefault left out, with what it raised.</param>
    public static PodDefaultSnapshot Build(PodDefaultSnapshot current, IReadOnlyList<PodDefault> podDefaults, Action<PodDefault, Exception> skipped)
    {
        try
        {
            return current.ReplaceAll(podDefaults);
        }
        catch (Exception)
        {
            // Rare and costly below (a namespace is rebuilt per PodDefault), but never worse than one object lost.
        }

        var snapshot = current.ReplaceAll([]);
        foreach (var inNamespace in podDefaults.GroupBy(pd => pd.Namespace, StringComparer.Ordinal))
        {
            try
            {
                snapshot = snapshot.WithNamespace(inNamespace.Key, inNamespace);
                continue;
            }
            catch (Exception)
            {
                // One of this namespace's PodDefaults breaks its index: find which, below.
            }

            foreach (var podDefault in inNamespace)
            {
                try
                {
                    snapshot = snapshot.With(podDefault);
                }
                catch (Exception e)
                {
                    skipped(podDefault, e);
                }
            }
        }
        return snapshot;
    }
}
