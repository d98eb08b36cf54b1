using PodDefaults.Core.Patch;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// A patch larger than the API server could store (3 MiB) is refused as a conflict is, with the reason, and is
/// never built whole: a pod with 100,000 containers would otherwise get a 90 MB answer.
/// </summary>
public sealed class PatchSizeLimitTests
{
    private const string EnvForAll = """
        {"metadata":{"name":"env-for-all","namespace":"ns","resourceVersion":"1"},
         "spec":{"selector":{"matchLabels":{"app":"x"}},"env":[{"name":"SETTING","value":"a-value-long-enough-to-make-each-operation-about-a-hundred-bytes"}]}}
        """;

    /// <summary>The pod of the attack: many containers with one-letter-ish names.</summary>
    public static string PodWithContainers(int count)
    {
        var pod = new StringBuilder("""{"metadata":{"name":"wide","namespace":"ns","labels":{"app":"x"}},"spec":{"containers":[""");
        for (var i = 0; i < count; i++)
            pod.Append(i == 0 ? "" : ",").Append("{\"name\":\"c").Append(i).Append("\"}");
        return pod.Append("]}}").ToString();
    }

    [Fact]
    public void A_patch_over_3_MiB_is_refused_with_code_400_and_the_reason()
    {
        var harness = new EngineHarness(EnvForAll);

        var response = harness.Create(PodWithContainers(100_000));

        Assert.False((bool)response["allowed"]!);
        Assert.Null(response["patch"]);
        var status = response["status"]!.AsObject();
        Assert.Equal(400, (int)status["code"]!);
        var message = (string)status["message"]!;
        Assert.Contains("env-for-all", message, StringComparison.Ordinal);
        Assert.Contains("100000 containers", message, StringComparison.Ordinal);
        Assert.Contains($"larger than {PatchWriter.MaxBytes} bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_patch_is_not_written_past_the_limit()
    {
        var harness = new EngineHarness(EnvForAll);
        var review = Encoding.UTF8.GetBytes(EngineHarness.Review(PodWithContainers(100_000)));
        using var output = new PooledBufferWriter();

        using var admission = harness.Engine.Review(review, output);

        Assert.Equal(PodDefaults.Core.Admission.AdmissionOutcome.Conflict, admission.Outcome);
        Assert.True(output.WrittenCount < 4096, $"the refusal is {output.WrittenCount} bytes");
    }

    /// <summary>
    /// Issue 9, defect 6: a 1.8 MB review of 100,000 containers that only have a name must not cost a kilobyte or
    /// more per container while it is decided (it was about 1.7 KB, so two at once overran a 192 MiB heap). What
    /// is allocated bounds what is held: the lists a container does not have are not made.
    /// </summary>
    [Fact]
    public void An_amplifying_review_allocates_little_per_container()
    {
        const int containers = 100_000;
        var harness = new EngineHarness(EnvForAll);
        var review = Encoding.UTF8.GetBytes(EngineHarness.Review(PodWithContainers(containers)));
        using var output = new PooledBufferWriter();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using (harness.Engine.Review(review, output))
        {
        }
        var perContainer = (GC.GetAllocatedBytesForCurrentThread() - before) / containers;

        Assert.True(perContainer < BoundPerContainer, $"{perContainer} bytes per container");
    }

    private const int BoundPerContainer = 1024;

    [Fact]
    public void A_patch_under_the_limit_is_sent()
    {
        var harness = new EngineHarness(EnvForAll);

        var response = harness.Create(PodWithContainers(10_000));

        Assert.True((bool)response["allowed"]!);
        var patch = EngineHarness.PatchOf(response)!;
        Assert.InRange(Encoding.UTF8.GetByteCount(patch), 1024 * 1024, PatchWriter.MaxBytes);
        Assert.Equal(10_000, JsonNode.Parse(patch)!.AsArray().Count(op => ((string)op!["path"]!).EndsWith("/env", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_writer_stops_at_the_limit_and_says_so()
    {
        var writer = new PatchWriter();
        using var output = new PooledBufferWriter();
        var value = Encoding.UTF8.GetBytes("\"" + new string('v', 1000) + "\"");

        writer.Start(output);
        for (var i = 0; i < 4000; i++)
            writer.Add("/metadata/annotations/a"u8, value);
        writer.Finish();

        Assert.True(writer.TooLarge);
        Assert.InRange(output.WrittenCount, PatchWriter.MaxBytes - 1100, PatchWriter.MaxBytes);
    }
}
