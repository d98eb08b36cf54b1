using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Webhook.Cli;

/// <summary>
/// Every conformance case that creates a pod, through <c>poddefaults apply -o json</c>: the CLI must decide as the
/// server does (the same cases pass through HTTPS in <c>HttpsConformanceTests</c>).
/// </summary>
public sealed class ApplyConformanceTests
{
    public static TheoryData<string> PodCreateCases() => new(ConformanceCase.Files().Where(file =>
    {
        var request = ConformanceCase.Load(file).Request;
        return (string?)request?["operation"] is null or "CREATE" && request?["resource"] is null;
    }));

    [Theory]
    [MemberData(nameof(PodCreateCases))]
    public void Case_gives_the_same_answer_through_apply(string file)
    {
        var testCase = ConformanceCase.Load(file);
        using var workspace = new CliWorkspace();
        workspace.WriteDefaults("case.json", testCase.PodDefaultListJson());
        var pod = workspace.Write("pod.json", testCase.Pod.ToJsonString());
        var requestNamespace = (string?)testCase.Request?["namespace"];
        string[] args = ["apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "json"];

        var result = CliWorkspace.Run(requestNamespace is null ? args : [.. args, "-n", requestNamespace]);

        var expect = testCase.Expect;
        if (!(bool)expect["allowed"]!)
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.StartsWith(ConformanceJudge.ConflictPrefix, result.Stderr);
            foreach (var part in expect["messageContains"]?.AsArray() ?? [])
                Assert.Contains((string)part!, result.Stderr);
            foreach (var part in expect["messageNotContains"]?.AsArray() ?? [])
                Assert.DoesNotContain((string)part!, result.Stderr);
            return;
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        // A pod that names no namespace is shown with the one it is created in, as the API server fills it in.
        var expected = ((bool?)expect["patched"] ?? false ? expect["pod"] : testCase.Pod)!.DeepClone();
        expected["metadata"]!["namespace"] ??= requestNamespace ?? "default";
        var actual = result.JsonOutput();
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");
        foreach (var wanted in expect["warningsContain"]?.AsArray() ?? [])
            Assert.Contains((string)wanted!, result.Stderr);
    }
}
