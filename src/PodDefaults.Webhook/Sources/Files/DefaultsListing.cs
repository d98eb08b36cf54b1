namespace PodDefaults.Webhook.Sources.Files;

/// <summary>What one look at the <c>--defaults</c> folder found: its files, and what could not be read.</summary>
/// <param name="Files">The PodDefault files, in ordinal order of their paths.</param>
/// <param name="Unreadable">Folders and entries that could not be listed or resolved: what is under them is unknown.</param>
public sealed record DefaultsListing(IReadOnlyList<ListedFile> Files, IReadOnlyList<UnreadableEntry> Unreadable)
{
    /// <summary>Whether a file missing from this listing may only be hidden by an unreadable folder, not gone.</summary>
    public bool MayHide(string file) =>
        Unreadable.Any(entry => file == entry.Path || file.StartsWith(entry.Path + "/", StringComparison.Ordinal));
}

/// <summary>A file as listed: the path it was found at, and its stamp then.</summary>
public readonly record struct ListedFile(string Path, FileStamp Stamp);

/// <summary>A folder that cannot be listed, or an entry that cannot be resolved (a symlink loop), and why.</summary>
public sealed record UnreadableEntry(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
