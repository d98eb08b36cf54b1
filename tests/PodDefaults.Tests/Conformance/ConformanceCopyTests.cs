namespace PodDefaults.Tests.Conformance;

/// <summary>
/// The test project carries a copy of ../shared/conformance so that a clone without it still runs every
/// case. Where the shared folder is present (a developer's machine), the copy must equal it: when the
/// shared cases change, this fails until <c>sync-cases.sh</c> is run.
/// </summary>
public sealed class ConformanceCopyTests
{
    [Fact]
    public void The_copied_cases_equal_the_shared_ones_when_those_are_present()
    {
        var shared = FindShared();
        if (shared is null)
            return; // a clone without ../shared: the copy is all there is

        var sharedFiles = Directory.GetFiles(shared, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sharedFiles, ConformanceCase.Files().ToArray());
        foreach (var file in sharedFiles)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(shared, file!)) == File.ReadAllText(Path.Combine(ConformanceCase.Folder, file!)),
                $"{file} differs from ../shared/conformance: run tests/PodDefaults.Tests/Conformance/sync-cases.sh");
        }
    }

    [Fact]
    public void The_copy_holds_the_whole_suite() => Assert.True(ConformanceCase.Files().Count() >= 53);

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
