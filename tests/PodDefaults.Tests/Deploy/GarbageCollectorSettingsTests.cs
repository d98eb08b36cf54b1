namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The collector the webhook is built with (docs/performance.md, "The workstation GC with a 4 MiB gen0"): the
/// SDK writes what the project's properties decided into the runtimeconfig beside the webhook's assembly, and
/// Native AOT links the collector from the same properties. A misspelled property is ignored without a word
/// (it happened once: RSS under load stayed at 91 MB), so the outcome is checked, not the project file.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    private static JsonNode ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "poddefaults.runtimeconfig.json");
        return JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;
    }

    [Fact]
    public void The_webhook_uses_the_workstation_collector()
    {
        Assert.False(ConfigProperties()["System.GC.Server"]!.GetValue<bool>());
    }

    [Fact]
    public void Background_collection_stays_on()
    {
        Assert.True(ConfigProperties()["System.GC.Concurrent"]!.GetValue<bool>());
    }
}
