using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace PodDefaults.ApiServerStandIn;

/// <summary>
/// A kube-apiserver stand-in for <c>/apis/kubeflow.org/v1alpha1/poddefaults</c>, on loopback: LIST with paging,
/// WATCH with replay, bookmarks and 410, and faults a test scripts (<see cref="Inject"/>, <see cref="EventFaults"/>);
/// and GET, PUT and PATCH of single Secrets and MutatingWebhookConfigurations (<see cref="Objects"/>).
/// It can stop and start again on the same port with its state, to play an outage.
/// </summary>
public sealed partial class StandInApiServer : IAsyncDisposable
{
    public const string Path = "/apis/kubeflow.org/v1alpha1/poddefaults";

    private readonly StandInOptions options;
    private readonly FaultInjector faults = new();
    private readonly ConcurrentQueue<SeenRequest> requests = new();
    private readonly ListHandler lists;
    private readonly WatchHandler watches;
    private WebApplication? app;
    private CancellationTokenSource? stopping;

    private StandInApiServer(StandInOptions options)
    {
        this.options = options;
        Port = options.Port;
        Objects = new ClusterObjects(Store);
        lists = new ListHandler(Store);
        watches = new WatchHandler(Store, options, EventFaults);
    }

    public ObjectStore Store { get; } = new();

    /// <summary>The Secrets and MutatingWebhookConfigurations, by path (seed them with <see cref="ClusterObjects.Seed"/>).</summary>
    public ClusterObjects Objects { get; }

    /// <summary>Pods by namespace and name, as <c>GET /api/v1/namespaces/NS/pods/NAME</c> answers them (JSON).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(string Namespace, string Name), string> Pods { get; } = new();

    public EventWriteFaults EventFaults { get; } = new();

    public int Port { get; private set; }

    public bool IsRunning => app is not null;

    public Uri BaseUri => new($"{(options.Certificate is null ? "http" : "https")}://127.0.0.1:{Port}/");

    public IReadOnlyList<SeenRequest> Requests => [.. requests];

    /// <summary>Raised when a response is complete or cut.</summary>
    public event Action<SeenRequest>? RequestCompleted;

    public IReadOnlyList<SeenRequest> Watches => [.. requests.Where(r => r.Kind == "watch")];

    public IReadOnlyList<SeenRequest> Lists => [.. requests.Where(r => r.Kind == "list")];

    /// <summary>Starts a server; with <see cref="StandInOptions.Port"/> 0 on a free port.</summary>
    public static async Task<StandInApiServer> StartAsync(StandInOptions? options = null)
    {
        var server = new StandInApiServer(options ?? new StandInOptions());
        await server.StartAsync();
        return server;
    }

    /// <summary>A server that is not listening yet (the API server is down); <see cref="StartAsync()"/> brings it up.</summary>
    public static StandInApiServer CreateStopped(StandInOptions? options = null)
    {
        var server = new StandInApiServer(options ?? new StandInOptions());
        if (server.Port == 0)
            server.Port = FreePort();
        return server;
    }

    /// <summary>Starts listening (again) on <see cref="Port"/>.</summary>
    public async Task StartAsync()
    {
        if (app is not null)
            return;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen =>
        {
            if (options.Certificate is { } certificate)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                });
            }
        }));

        stopping = new CancellationTokenSource();
        var started = builder.Build();
        started.Run(HandleAsync);
        await started.StartAsync();
        var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        app = started;
    }

    /// <summary>Cuts every connection and stops listening; the objects and history stay.</summary>
    public async Task StopAsync()
    {
        if (app is null)
            return;
        await stopping!.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Queues a misbehaviour for the next request of its target.</summary>
    public void Inject(Fault fault) => faults.Inject(fault);

    /// <summary>Sends a line as it is to every open watch (garbage, a partial event...).</summary>
    public void InjectLine(string line) => Store.Broadcast(new WatchMessage.Line(Encoding.UTF8.GetBytes(line + "\n")));

    /// <summary>
    /// Forgets the history and tells every open watch so with an ERROR event (410 Expired), then ends them,
    /// as the watch cache does when a watcher falls too far behind.
    /// </summary>
    public void ExpireWatches()
    {
        Store.Compact();
        Store.Broadcast(new WatchMessage.Line(WireJson.ErrorLine(410, "Expired", "The resourceVersion for the provided watch is too old.")));
        Store.Broadcast(new WatchMessage.End());
    }

    /// <summary>Every continue token handed out so far now gets 410 Expired.</summary>
    public void ExpireContinueTokens() => lists.ExpireContinueTokens();

    /// <summary>Cuts every open watch connection.</summary>
    public void DropWatches() => Store.Broadcast(new WatchMessage.Drop());

    internal static async Task WriteStatusAsync(HttpContext context, int code, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(WireJson.Serialize(WireJson.Status(code, WireJson.ReasonFor(code), message)));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var isWatch = query.GetValueOrDefault("watch") is "1" or "true";
        var kind = ClusterObjectPaths.Kind(context.Request.Path) ?? (context.Request.Path != Path ? "other" : isWatch ? "watch" : "list");
        var seen = new SeenRequest(
            kind,
            context.Request.Path + context.Request.QueryString,
            query,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Connection.ClientCertificate?.GetCertHashString(HashAlgorithmName.SHA256));
        requests.Enqueue(seen);
        // Recorded as the headers go out, so a client never sees a status before the log does.
        context.Response.OnStarting(() =>
        {
            seen.Status = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        try
        {
            await AnswerAsync(context, kind, query.ContainsKey("continue"));
        }
        finally
        {
            RequestCompleted?.Invoke(seen);
        }
    }

    private async Task AnswerAsync(HttpContext context, string kind, bool continues)
    {
        if (!IsAuthorized(context))
        {
            await WriteStatusAsync(context, 401, "Unauthorized");
            return;
        }

        if (kind is "secret" or "mutatingwebhookconfiguration")
        {
            await AnswerObjectAsync(context);
            return;
        }

        if (kind == "other" && PodPath().Match(context.Request.Path.Value ?? "") is { Success: true } pod && HttpMethods.IsGet(context.Request.Method))
        {
            if (Pods.TryGetValue((pod.Groups["ns"].Value, pod.Groups["name"].Value), out var json))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json);
            }
            else
            {
                await WriteStatusAsync(context, 404, $"pods \"{pod.Groups["name"].Value}\" not found");
            }
            return;
        }

        if (kind == "other")
        {
            await WriteStatusAsync(context, 404, "the stand-in serves only PodDefaults");
            return;
        }

        var fault = faults.Take(kind == "watch" ? FaultTarget.Watch : continues ? FaultTarget.ListContinue : FaultTarget.List);
        fault?.Before?.Invoke();
        if (fault is not null && !await FaultInjector.MisbehaveAsync(context, fault, stopping!.Token))
            return;
        if (kind == "watch")
            await watches.HandleAsync(context, stopping!.Token);
        else
            await lists.HandleAsync(context);
    }

    private async Task AnswerObjectAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        WriteResult result;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            result = Objects.Get(path) is { } found ? WriteResult.Ok(found) : WriteResult.Failed(404, $"{ClusterObjectPaths.Describe(path)} not found");
        }
        else if (HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
        {
            var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }

            result = body is null ? WriteResult.Failed(400, "the body is not a JSON object")
                : HttpMethods.IsPut(context.Request.Method) ? Objects.Update(path, body)
                : mediaType == "application/merge-patch+json" ? Objects.MergePatch(path, body)
                : WriteResult.Failed(415, $"the stand-in applies only merge patches (application/merge-patch+json), not {mediaType}");
        }
        else
        {
            result = WriteResult.Failed(405, $"the stand-in serves GET, PUT and PATCH of {ClusterObjectPaths.Describe(path)}");
        }

        if (result.Object is { } obj)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(WireJson.Serialize(obj));
        }
        else
        {
            await WriteStatusAsync(context, result.Code, result.Message!);
        }
    }

    private bool IsAuthorized(HttpContext context)
    {
        if (options.AcceptToken is null && options.ClientCertificateThumbprint is null)
            return true;
        var header = context.Request.Headers.Authorization.ToString();
        if (options.AcceptToken is { } accept && header.StartsWith("Bearer ", StringComparison.Ordinal) && accept(header["Bearer ".Length..]))
            return true;
        return options.ClientCertificateThumbprint is { } thumbprint
            && string.Equals(context.Connection.ClientCertificate?.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/pods/(?<name>[^/]+)$")]
    private static partial System.Text.RegularExpressions.Regex PodPath();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
