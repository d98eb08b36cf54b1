using System.Collections.Concurrent;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>
/// A <see cref="ClusterPodDefaultSource"/> running against a stand-in API server, with every published snapshot
/// recorded (so a test sees intermediate states, not just the ones a poll happens to catch).
/// </summary>
public sealed class SourceUnderTest : IAsyncDisposable
{
    /// <summary>Short timings so that retries and timeouts happen within a test's deadline.</summary>
    public static readonly ClusterSourceOptions FastOptions = new()
    {
        PageSize = 500,
        MinWatchTimeout = TimeSpan.FromMinutes(5),
        WatchIdleSlack = TimeSpan.FromSeconds(30),
        RequestTimeout = TimeSpan.FromSeconds(5),
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient http;
    private readonly Task running;

    public SourceUnderTest(StandInApiServer server, ClusterSourceOptions? options = null, KubernetesConnection? connection = null)
    {
        Server = server;
        http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        Connection = connection ?? new KubernetesConnection(http, server.BaseUri);
        Status = new SourceStatus(Clock);
        Source = new ClusterPodDefaultSource(Connection, Holder, Status, Logger, Clock, options ?? FastOptions);
        Source.SnapshotPublished += Published.Enqueue;
        running = Task.Run(() => Source.RunAsync(stopping.Token));
    }

    /// <summary>A source over <paramref name="server"/> once it holds <paramref name="objects"/> and the first list is in.</summary>
    public static async Task<SourceUnderTest> ListedAsync(StandInApiServer server, params JsonObject[] objects)
    {
        foreach (var item in objects)
            server.Store.Put(item);
        var source = new SourceUnderTest(server);
        await source.ConvergedAsync("initial list");
        return source;
    }

    /// <summary><see cref="ListedAsync"/>, then its watch open: the events from now on reach it.</summary>
    public static async Task<SourceUnderTest> WatchingAsync(StandInApiServer server, params JsonObject[] objects)
    {
        var source = await ListedAsync(server, objects);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");
        return source;
    }

    public StandInApiServer Server { get; }

    public KubernetesConnection Connection { get; }

    public AdjustableClock Clock { get; } = new();

    public SnapshotHolder Holder { get; } = new();

    public SourceStatus Status { get; }

    public RecordingLogger<ClusterPodDefaultSource> Logger { get; } = new();

    public ClusterPodDefaultSource Source { get; }

    /// <summary>Every snapshot the source published, in order.</summary>
    public ConcurrentQueue<PodDefaultSnapshot> Published { get; } = new();

    public PodDefaultSnapshot Current => Holder.Current;

    /// <summary>namespace/name=resourceVersion of every PodDefault served, sorted: what the snapshot holds.</summary>
    public static IReadOnlyList<string> Describe(PodDefaultSnapshot snapshot) =>
        [.. snapshot.Namespaces.SelectMany(ns => ns.All).Select(pd => $"{pd.Namespace}/{pd.Name}").Order(StringComparer.Ordinal)];

    /// <summary>What the stand-in holds, described the same way.</summary>
    public IReadOnlyList<string> ServerState() =>
        [.. Server.Store.List().Items.Select(WireJson.Key).Order(StringComparer.Ordinal)];

    public PodDefault? Find(string @namespace, string name) =>
        Current.InNamespace(@namespace).FirstOrDefault(pd => pd.Name == name);

    /// <summary>Waits until the snapshot holds exactly the server's objects at their current resourceVersions.</summary>
    public Task ConvergedAsync(string what = "snapshot matches the server") => Eventually.TrueAsync(() =>
    {
        var (items, _) = Server.Store.List();
        return Current.Count == items.Count && items.All(item =>
            Find(item["metadata"]!["namespace"]!.ToString(), item["metadata"]!["name"]!.ToString())?.ResourceVersion
                == item["metadata"]!["resourceVersion"]!.ToString());
    }, what);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await running; // RunAsync returns on cancellation; a fault here fails the test
        Connection.Dispose();
        http.Dispose();
        stopping.Dispose();
    }
}
