namespace PodDefaults.Tests.Deploy;

/// <summary>Files of the repository the tests run from, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodDefaults.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No PodDefaults.sln above {AppContext.BaseDirectory}.");
    }
}
