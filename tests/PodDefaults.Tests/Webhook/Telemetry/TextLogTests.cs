using PodDefaults.Tests.Deploy;
using PodDefaults.Webhook;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary><c>--log-format text</c> from the real program: lines a person reads, each starting with its UTC time.</summary>
public sealed class TextLogTests
{
    [Fact]
    public async Task Text_lines_start_with_an_rfc3339_utc_timestamp_and_name_their_event_id()
    {
        // The level comes from the environment, as a Deployment would set it: the same declaration as the flag.
        await using var webhook = await WebhookProcess.StartAsync(_ => { },
            new Dictionary<string, string> { ["PODDEFAULTS_LOG_LEVEL"] = "debug" }, ["--log-format", "text"]);

        await Eventually.TrueAsync(() => webhook.Output.Any(line => line.Contains($"[{LogEvents.FilesLoaded}]", StringComparison.Ordinal)), "the load line");
        var loaded = webhook.Output.First(line => line.Contains($"[{LogEvents.FilesLoaded}]", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: PodDefaults\.Webhook\.Sources\.Files\.FilePodDefaultSource\[303\] Loaded 0 PodDefaults", loaded);

        var review = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "examples", "pods", "admission-review.json"));
        (await webhook.PostReviewAsync(review)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => webhook.Output.Any(line => line.Contains($" dbug: PodDefaults.Admission[{LogEvents.AdmissionAnswered}] ", StringComparison.Ordinal)), "the debug admission line");
        Assert.DoesNotContain(webhook.Output, line => line.StartsWith('{'));
    }
}
