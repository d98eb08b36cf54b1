namespace PodDefaults.Webhook.FileSystem;

/// <summary>
/// A path with every symbolic link in it resolved, as the kernel resolves it (POSIX <c>realpath</c>): the one name
/// of a directory however many links lead to it, and the file whose size and time a link's readers see.
/// </summary>
/// <remarks>
/// <c>..</c> after a link goes up from where the link points, not from the link: <c>sub/self/..</c> with
/// <c>self -&gt; ../sub</c> is the folder above <c>sub</c>. <c>Path.GetFullPath</c> and
/// <c>ResolveLinkTarget</c> work on the text and get that wrong, which is why this walks the components.
/// </remarks>
internal static class RealPath
{
    /// <summary>Linux's own bound (MAXSYMLINKS): more links than this while resolving one path is a loop.</summary>
    private const int MaxLinks = 40;

    /// <param name="path">An absolute path; its components need not exist (the rest is then taken as written).</param>
    /// <exception cref="IOException">Too many levels of symbolic links: a link loop.</exception>
    public static string Of(string path)
    {
        var resolved = new List<string>();
        var pending = new Stack<string>(Components(Path.IsPathRooted(path) ? path : Path.GetFullPath(path)));
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            var candidate = Join(resolved) + "/" + part;
            if (new FileInfo(candidate).LinkTarget is not { } target)
            {
                resolved.Add(part);
                continue;
            }

            if (++links > MaxLinks)
                throw new IOException($"{path}: too many levels of symbolic links");
            if (target.StartsWith('/'))
                resolved.Clear();
            foreach (var step in Components(target))
                pending.Push(step);
        }

        return resolved.Count == 0 ? "/" : Join(resolved);
    }

    /// <summary>The components in reverse, ready to be pushed so that the first comes off first.</summary>
    private static IEnumerable<string> Components(string path) => path.Split('/').Reverse();

    /// <summary>The absolute path of the components; the root is the empty string, so that "/" can follow it.</summary>
    private static string Join(List<string> components) => components.Count == 0 ? "" : "/" + string.Join('/', components);
}
