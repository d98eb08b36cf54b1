using PodDefaults.ApiServerStandIn;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>The real admission engine reading the holder the cluster source writes, while events stream in.</summary>
public sealed class ClusterAdmissionTests
{
    [Fact]
    public async Task Pod_gets_the_env_of_a_PodDefault_added_by_a_watch_event_while_others_churn()
    {
        await using var server = await StandInApiServer.StartAsync();
        Churn.Seed(server.Store, namespaces: 3, count: 30);
        await using var source = await SourceUnderTest.ListedAsync(server);
        var engine = new AdmissionEngine(source.Holder);

        using var churning = new CancellationTokenSource();
        var churn = new Churn(server.Store, namespaces: 3, targetCount: 30, eventsPerSecond: 200).RunAsync(churning.Token);
        var answers = 0;
        try
        {
            // While other namespaces churn: admitted, nothing to add.
            await Eventually.TrueAsync(() =>
            {
                answers++;
                Assert.Null(Admit(engine)["patch"]);
                return source.Source.Counters.EventsApplied >= 20;
            }, "churn events applied");

            server.Store.Put(PodDefaultObjects.Env("web", "inject-token", "frontend", "API_TOKEN", "from-the-cluster"));
            await Eventually.TrueAsync(() =>
            {
                answers++;
                var response = Admit(engine); // every answer along the way must be a valid admission
                Assert.True((bool)response["allowed"]!);
                return response["patch"] is not null;
            }, "the pod is patched");
        }
        finally
        {
            await churning.CancelAsync();
            await churn.ContinueWith(_ => { });
        }

        var patch = Encoding.UTF8.GetString(Convert.FromBase64String((string)Admit(engine)["patch"]!));
        Assert.Contains("\"API_TOKEN\"", patch);
        Assert.Contains("from-the-cluster", patch);
        Assert.Contains(PodDefaults.Core.Model.PodDefault.MarkerPrefix + "inject-token", patch);
        Assert.True(answers >= 2);
    }

    private static JsonNode Admit(AdmissionEngine engine)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = Guid.NewGuid().ToString(),
                ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
                ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
                ["namespace"] = "web",
                ["operation"] = "CREATE",
                ["object"] = new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Pod",
                    ["metadata"] = new JsonObject { ["name"] = "p", ["namespace"] = "web", ["labels"] = new JsonObject { ["app"] = "frontend" } },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "nginx" }) },
                },
            },
        };
        using var response = new PooledBufferWriter();
        using (engine.Review(Encoding.UTF8.GetBytes(review.ToJsonString()), response))
        {
        }

        return JsonNode.Parse(response.WrittenSpan)!["response"]!;
    }
}
