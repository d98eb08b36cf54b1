namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// The <c>--defaults</c> path: one file, or a folder read recursively for <c>.yaml</c>, <c>.yml</c> and
/// <c>.json</c> files. Entries whose names start with a dot are skipped: a ConfigMap volume keeps its real
/// files under <c>..data</c> and timestamped <c>..2024_...</c> folders behind symlinks, which would
/// otherwise be read twice.
/// </summary>
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

    /// <summary>The files to read, in ordinal order so that reloads are deterministic.</summary>
    public IReadOnlyList<string> Files()
    {
        if (!IsDirectory)
            return File.Exists(FullPath) ? [FullPath] : [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(FullPath, "*", options)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Where(file => !Path.GetRelativePath(FullPath, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>What the files look like now (path, size, modification time): when it changes, read again.</summary>
    public string Fingerprint() =>
        string.Join('\n', Files().Select(file =>
        {
            var info = new FileInfo(file);
            return $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        }));
}
