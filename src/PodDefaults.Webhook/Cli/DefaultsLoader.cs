using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Sources.Files;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// Reads <c>--defaults</c> once, for the commands that run without a server: the same files and the same reader
/// as <c>serve --defaults</c>. A problem in a file is a warning on stderr (<c>path:line: reason</c>); whatever
/// else the files hold still loads.
/// </summary>
internal static class DefaultsLoader
{
    /// <param name="defaultNamespace">Namespace of the PodDefaults that name none.</param>
    /// <exception cref="CliException">The path does not exist.</exception>
    public static PodDefaultSnapshot Load(string path, string defaultNamespace, TextWriter stderr)
    {
        DefaultsPath defaults;
        try
        {
            defaults = new DefaultsPath(path);
        }
        catch (FileNotFoundException error)
        {
            throw new CliException(error.Message);
        }

        var podDefaults = new List<PodDefault>();
        foreach (var file in defaults.Files())
        {
            var read = PodDefaultFileReader.Read(file, defaultNamespace);
            foreach (var problem in read.Problems)
                stderr.WriteLine(problem);
            podDefaults.AddRange(read.PodDefaults);
        }
        foreach (var duplicate in podDefaults.GroupBy(pd => (pd.Namespace, pd.Name)).Where(group => group.Count() > 1))
            stderr.WriteLine($"PodDefault {duplicate.Key.Namespace}/{duplicate.Key.Name} is defined {duplicate.Count()} times; the last file in path order wins");
        return PodDefaultSnapshot.Empty.ReplaceAll(podDefaults);
    }
}
