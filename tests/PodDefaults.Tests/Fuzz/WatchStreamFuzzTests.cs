using Microsoft.Extensions.Logging.Abstractions;
using PodDefaults.Tests.Core.Properties;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Fuzz;

/// <summary>
/// Random and mutated watch streams through the cluster source's reader and applier: no exception escapes the
/// applier (but the ERROR event's, which ends the watch by design), and an event after the damage still updates
/// the snapshot, so nothing a tenant writes can freeze it.
/// </summary>
public sealed class WatchStreamFuzzTests
{
    private static readonly int Iterations = FuzzIterations.Count(200);

    private static readonly Gen<string> Line = Gen.Frequency(
        (6, from podDefaults in PodDefaultGenerator.PodDefaults
            from type in Gen.OneOf(Gen.Const("ADDED"), Gen.Const("MODIFIED"), Gen.Const("DELETED"), Gen.Const("BOOKMARK"))
            from hostile in Hostile.Text
            from random in Mutation.Text
            from damage in Gen.Int[0, 3]
            select Damaged(EventLine(type, podDefaults.Length == 0 ? Sentinel("x") : podDefaults[0]), damage, hostile, random)),
        (1, Gen.String[Gen.Char.AlphaNumeric, 0, 200]),
        (1, Gen.Byte.Array[0, 200].Select(bytes => Encoding.UTF8.GetString(bytes).Replace('\n', ' '))));

    [Fact]
    public async Task Damaged_watch_streams_never_stop_the_applier_and_a_later_event_still_applies()
    {
        await Line.Array[1, 8].SampleAsync(async lines =>
        {
            var holder = new SnapshotHolder();
            var counters = new ClusterSourceCounters();
            var applier = new WatchEventApplier(holder, holder.Publish, new SourceStatus(TimeProvider.System), counters,
                NullLogger.Instance, static obj => PodDefaultParser.Parse(obj));
            var stream = string.Join("\n", lines) + "\n" + EventLine("ADDED", Sentinel("after-the-damage")) + "\n";
            using var body = new MemoryStream(Encoding.UTF8.GetBytes(stream));
            using var deadline = new CancellationTokenSource();
            var reader = new WatchStreamReader(body, maxEventBytes: 64 * 1024, TimeSpan.FromSeconds(10), deadline);

            var resourceVersion = "1";
            await foreach (var line in reader.ReadLinesAsync())
            {
                try
                {
                    resourceVersion = applier.Apply(line, resourceVersion);
                }
                catch (KubernetesApiException)
                {
                    // An ERROR event: the source relists. Nothing else may come out of the applier.
                }
            }

            Assert.Contains(holder.Current.InNamespace("fuzz"), pd => pd.Name == "after-the-damage");
        }, iter: Iterations, print: lines => string.Join("\n", lines));
    }

    private static string EventLine(string type, JsonObject obj) =>
        new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString();

    private static JsonObject Sentinel(string name) => new()
    {
        ["apiVersion"] = "kubeflow.org/v1alpha1",
        ["kind"] = "PodDefault",
        ["metadata"] = new JsonObject { ["namespace"] = "fuzz", ["name"] = name, ["resourceVersion"] = "99" },
        ["spec"] = new JsonObject { ["selector"] = new JsonObject() },
    };

    private static string Damaged(string line, int damage, Func<string, string> hostile, Func<string, string> random)
    {
        var damaged = damage switch
        {
            0 => line,
            1 => hostile(line),
            2 => random(line),
            _ => random(hostile(line)),
        };
        return damaged.Replace('\n', ' ');
    }
}
