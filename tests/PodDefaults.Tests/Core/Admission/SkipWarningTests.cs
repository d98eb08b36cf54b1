namespace PodDefaults.Tests.Core.Admission;

/// <summary>The engine's warnings about skipped PodDefaults, as the user receives them from the API server.</summary>
public sealed class SkipWarningTests
{
    private const string Pod = """{"metadata":{"name":"p","namespace":"ns","labels":{"app":"x"}},"spec":{"containers":[{"name":"main"}]}}""";

    private static string Invalid(string name, string op) => new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns", ["resourceVersion"] = "1" },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "app", ["operator"] = op }) },
        },
    }.ToJsonString();

    [Fact]
    public void A_selector_operator_holding_a_tab_is_reported_escaped()
    {
        var harness = new EngineHarness(Invalid("tabbed", "In\t"));

        var received = ApiServerWarningRecorder.Receive(Warnings(harness.Create(Pod)));

        var warning = Assert.Single(received);
        Assert.StartsWith("poddefault tabbed skipped: ", warning, StringComparison.Ordinal);
        Assert.Contains("\"In\\u0009\"", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Thirty_invalid_poddefaults_with_63_character_names_all_reach_the_user(bool distinctReasons)
    {
        var names = Enumerable.Range(0, 30).Select(i => $"invalid-{i:D2}-".PadRight(63, 'x')).ToArray();
        var harness = new EngineHarness([.. names.Select((name, i) => Invalid(name, distinctReasons ? $"Op{i}" : "Equals"))]);

        var sent = Warnings(harness.Create(Pod));
        var received = ApiServerWarningRecorder.Receive(sent);

        Assert.Equal(sent, received);
        Assert.All(names, name => Assert.Contains(received, warning => warning.Contains(name, StringComparison.Ordinal)));
    }

    private static string[] Warnings(JsonObject response) =>
        [.. (response["warnings"] as JsonArray ?? []).Select(warning => (string)warning!)];
}
