using PodDefaults.Webhook.FileSystem;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// The <c>--defaults</c> path: one file, or a folder read recursively for <c>.yaml</c>, <c>.yml</c> and
/// <c>.json</c> files. Entries whose names start with a dot are skipped: a ConfigMap volume keeps its real
/// files under <c>..data</c> and timestamped <c>..2024_...</c> folders behind symlinks, which would
/// otherwise be read twice.
/// </summary>
/// <remarks>
/// Symlinks are followed, and each real folder is read once, under the first path that reaches it: a link back
/// up the tree (<c>sub/up -&gt; ..</c>) is a folder already read, not an endless one. Nothing in the folder makes
/// a listing fail but the folder itself: a file that vanishes while listed is simply not there, and a subfolder
/// or entry that cannot be read is reported in <see cref="DefaultsListing.Unreadable"/>.
/// </remarks>
public sealed class DefaultsPath
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public DefaultsPath(string path)
    {
        FullPath = Path.GetFullPath(path);
        IsDirectory = Directory.Exists(FullPath);
        if (!IsDirectory && !File.Exists(FullPath))
            throw new FileNotFoundException($"--defaults {path}: no such file or folder", path);
    }

    public string FullPath { get; }

    public bool IsDirectory { get; }

    /// <summary>The folder to watch for changes.</summary>
    public string WatchedDirectory => IsDirectory ? FullPath : Path.GetDirectoryName(FullPath)!;

    /// <summary>The names of a folder's entries (tests make it fail).</summary>
    internal Func<string, IEnumerable<string>> ListFolder { get; init; } =
        folder => Directory.EnumerateFileSystemEntries(folder).Select(entry => Path.GetFileName(entry));

    /// <summary>The paths of the files to read, in ordinal order so that reloads are deterministic.</summary>
    public IReadOnlyList<string> Files() => [.. List().Files.Select(file => file.Path)];

    /// <summary>Lists the files to read now, with their stamps.</summary>
    /// <exception cref="IOException">The <c>--defaults</c> file or folder itself is gone or cannot be read.</exception>
    public DefaultsListing List(CancellationToken cancellation = default)
    {
        if (!IsDirectory)
        {
            var stamp = StampOf(FullPath) ?? throw new FileNotFoundException($"--defaults {FullPath} is gone", FullPath);
            return new DefaultsListing([new ListedFile(FullPath, stamp)], []);
        }

        var files = new List<ListedFile>();
        var unreadable = new List<UnreadableEntry>();
        var root = RealPath.Of(FullPath);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var folders = new Stack<(string Path, string Real)>();
        folders.Push((FullPath, root));
        while (folders.TryPop(out var folder))
        {
            cancellation.ThrowIfCancellationRequested();
            string[] names;
            try
            {
                names = [.. ListFolder(folder.Path)];
            }
            catch (DirectoryNotFoundException) when (folder.Real != root)
            {
                continue; // removed since its parent was listed
            }
            catch (Exception error) when (folder.Real != root)
            {
                unreadable.Add(new UnreadableEntry(folder.Path, $"the folder cannot be read: {error.Message}"));
                continue;
            }

            // In ordinal order, so that a real folder is claimed by its first path; pushed last to first, to be read in that order.
            var subfolders = new List<(string Path, string Real)>();
            foreach (var name in names.Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var entry = Path.Join(folder.Path, name);
                try
                {
                    var real = Resolve(folder.Real, name);
                    if (Directory.Exists(real))
                    {
                        if (visited.Add(real))
                            subfolders.Add((entry, real));
                    }
                    else if (Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)
                        && Stamp(real) is { } stamp)
                    {
                        files.Add(new ListedFile(entry, stamp)); // else it vanished, or is a link to nothing
                    }
                }
                catch (Exception error)
                {
                    unreadable.Add(new UnreadableEntry(entry, $"cannot be resolved: {error.Message}"));
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
                folders.Push(subfolders[i]);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new DefaultsListing(files, unreadable);
    }

    /// <summary>The stamp of a file's content now, or null when it is gone (or is not a file).</summary>
    public static FileStamp? StampOf(string file) => Stamp(RealPath.Of(file));

    /// <summary>The real path of an entry of a real folder: only a link needs resolving.</summary>
    private static string Resolve(string realFolder, string name)
    {
        var path = Path.Join(realFolder, name);
        return new FileInfo(path).LinkTarget is null ? path : RealPath.Of(path);
    }

    private static FileStamp? Stamp(string realFile)
    {
        var info = new FileInfo(realFile);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
