using System.Text.RegularExpressions;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The shape build/readme-try-it.sh relies on (it runs the blocks; README.md, "Contributing", has
/// the rules): caught here in seconds rather than after a clone and a build.
/// </summary>
public partial class ReadmeTryItTests
{
    private static readonly List<string> Blocks = TryItBlocks(File.ReadAllText(RepositoryPaths.Of("README.md")));

    [Fact]
    public void One_block_starts_the_server_on_one_command_line()
    {
        var server = Assert.Single(Blocks, b => ServerCommand().IsMatch(b));

        Assert.Single(server.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--defaults examples/poddefaults", server);
    }

    [Fact]
    public void A_curl_block_sends_the_example_review()
    {
        Assert.Contains(Blocks, b => b.Contains("curl") && b.Contains("examples/pods/admission-review.json"));
    }

    [Fact]
    public void The_native_aot_publish_stays_out_of_try_it()
    {
        Assert.NotEmpty(Blocks);
        Assert.DoesNotContain(Blocks, b => b.Contains("publish-aot"));
    }

    [Fact]
    public void The_binary_is_built_before_use_it_relies_on_it()
    {
        var readme = File.ReadAllText(RepositoryPaths.Of("README.md"));
        var useIt = readme[readme.IndexOf("## Use it", StringComparison.Ordinal)..];

        Assert.True(
            useIt.IndexOf("build/publish-aot.sh out/", StringComparison.Ordinal) is var build and >= 0
            && build < useIt.IndexOf("out/poddefaults ", StringComparison.Ordinal));
    }

    private static List<string> TryItBlocks(string readme)
    {
        var start = readme.IndexOf("\n## Try it", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. ShellBlock().Matches(section).Select(m => m.Groups["body"].Value.Trim())];
    }

    [GeneratedRegex(@"^```(?:sh|bash|shell|console)[ \t]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"(dotnet run|poddefaults).*\sserve(\s|$)")]
    private static partial Regex ServerCommand();
}
