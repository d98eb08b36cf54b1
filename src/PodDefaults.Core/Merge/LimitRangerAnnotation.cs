namespace PodDefaults.Core.Merge;

/// <summary>
/// The <c>kubernetes.io/limit-ranger</c> annotation, which the LimitRanger admission plugin writes to list the
/// resource values it defaulted, e.g.
/// <c>LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app</c>.
/// Such values count as absent for the merge: the PodDefault's value replaces them.
/// </summary>
public sealed class LimitRangerAnnotation
{
    public const string Key = "kubernetes.io/limit-ranger";
    private const string Prefix = "LimitRanger plugin set: ";

    private readonly HashSet<(string Container, string Part, string Resource)> defaulted = [];

    public static LimitRangerAnnotation Parse(string value)
    {
        var parsed = new LimitRangerAnnotation();
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
            return parsed;
        foreach (var clause in value[Prefix.Length..].Split("; ", StringSplitOptions.RemoveEmptyEntries))
            parsed.AddClause(clause);
        return parsed;
    }

    /// <param name="part"><c>limits</c> or <c>requests</c>.</param>
    public bool Defaulted(string container, string part, string resource) => defaulted.Contains((container, part, resource));

    // "<resources> request for container <name>" or "<resources> limit for container <name>";
    // init containers ("for init container") never receive resources, so they are not recorded.
    private void AddClause(string clause)
    {
        foreach (var (marker, part) in new[] { (" request for container ", "requests"), (" limit for container ", "limits") })
        {
            var at = clause.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var container = clause[(at + marker.Length)..].Trim();
            foreach (var resource in clause[..at].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                defaulted.Add((container, part, resource));
        }
    }
}
