using PodDefaults.Tests.Deploy;

namespace PodDefaults.Tests.Conformance;

/// <summary>
/// docs/semantics.md is the contract in the repository, and each of its rules names the conformance cases that pin
/// it: a case the page does not name is a rule nobody wrote down (or a page that fell behind the suite).
/// </summary>
public sealed class SemanticsDocumentTests
{
    private static readonly string Document = File.ReadAllText(RepositoryPaths.Of("docs/semantics.md"));

    public static TheoryData<string> CaseFiles() => [.. ConformanceCase.Files()];

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Every_conformance_case_is_named_by_the_contract(string file) =>
        Assert.True(Document.Contains($"`{file}`", StringComparison.Ordinal), $"docs/semantics.md does not name {file}");

    [Fact]
    public void Every_case_the_contract_names_exists()
    {
        var cases = ConformanceCase.Files().ToHashSet(StringComparer.Ordinal);
        var named = System.Text.RegularExpressions.Regex.Matches(Document, @"`(\d\d-[a-z0-9-]+\.yaml)`").Select(match => match.Groups[1].Value);
        Assert.All(named, file => Assert.Contains(file, cases));
    }
}
