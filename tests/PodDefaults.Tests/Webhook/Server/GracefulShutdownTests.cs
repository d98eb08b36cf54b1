using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PodDefaults.Tests.Conformance;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// SIGTERM (the host stopping) lets a request that is already on the wire finish: the API server would
/// otherwise see a dropped connection and, under failurePolicy Fail, reject the pod.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_request_in_flight_at_shutdown_is_answered()
    {
        var testCase = ConformanceCase.Load("01-blog-env-var.yaml");
        var arrived = new RequestArrival();
        await using var server = await WebhookTestServer.StartAsync(
            folder => File.WriteAllText(Path.Combine(folder, "defaults.json"), testCase.PodDefaultListJson()),
            configure: arrived.Install);
        var uid = Guid.NewGuid().ToString();
        var body = new HalfThenRest(Encoding.UTF8.GetBytes(testCase.BuildReview(uid)));

        var pending = server.Client.PostAsync(new Uri(server.Address, WebhookPaths.ApplyPodDefault), body);
        await arrived.Admission.WaitAsync(TimeSpan.FromSeconds(10)); // the server has the request, not yet its whole body
        var stopping = server.StopAsync();
        await UntilNotListeningAsync(server.Address);
        body.SendRest();

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConformanceJudge.Judge(testCase, uid, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task During_the_shutdown_delay_admissions_are_served_and_readyz_is_503()
    {
        var testCase = ConformanceCase.Load("01-blog-env-var.yaml");
        await using var server = await WebhookTestServer.StartAsync(
            folder => File.WriteAllText(Path.Combine(folder, "defaults.json"), testCase.PodDefaultListJson()),
            options => options with { ShutdownDelay = TimeSpan.FromSeconds(3) });

        // As on SIGTERM, the stop is signalled from another thread; the delay holds that thread, not the server.
        var stopping = Task.Run(server.StopAsync);
        using var ready = await server.Client.GetAsync(new Uri(server.Address, WebhookPaths.Readyz));
        var uid = Guid.NewGuid().ToString();
        using var admitted = await server.PostReviewAsync(testCase.BuildReview(uid));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        ConformanceJudge.Judge(testCase, uid, await admitted.Content.ReadAsStringAsync());
        Assert.False(stopping.IsCompleted);
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Kestrel refuses new connections once it is stopping: from then on, only draining is left.</summary>
    private static async Task UntilNotListeningAsync(Uri address)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, address.Port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("the server kept accepting connections after StopAsync");
    }

    /// <summary>
    /// Tells the test when an admission request has reached the application: until then Kestrel may still
    /// count the connection as idle, and closing an idle connection at shutdown is right.
    /// </summary>
    private sealed class RequestArrival : IStartupFilter
    {
        private readonly TaskCompletionSource admission = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Admission => admission.Task;

        public void Install(WebApplicationBuilder builder) => builder.Services.AddSingleton<IStartupFilter>(this);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path == WebhookPaths.ApplyPodDefault)
                    admission.TrySetResult();
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A JSON body that sends its first half, then waits to be told to send the rest.</summary>
    private sealed class HalfThenRest : HttpContent
    {
        private readonly byte[] body;
        private readonly TaskCompletionSource sendRest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HalfThenRest(byte[] body)
        {
            this.body = body;
            Headers.ContentType = new("application/json");
        }

        public void SendRest() => sendRest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            await sendRest.Task;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
