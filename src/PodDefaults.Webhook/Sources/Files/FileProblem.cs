namespace PodDefaults.Webhook.Sources.Files;

/// <summary>Something wrong in a PodDefault file, where an editor can jump to it: <c>path:line: reason</c>.</summary>
public sealed record FileProblem(string Path, int Line, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}
