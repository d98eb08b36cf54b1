using System.Net;
using System.Text;
using PodDefaults.Tests.Conformance;
using PodDefaults.Tests.TestSupport;
using PodDefaults.Webhook.Server;
using Xunit;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// SIGTERM (the host stopping) lets a request that is already on the wire finish: the API server
/// would otherwise see a dropped connection and, under failurePolicy Fail, reject the pod.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_request_in_flight_at_shutdown_is_answered()
    {
        var testCase = ConformanceCase.Load("01-blog-env-var.yaml");
        await using var server = await WebhookTestServer.StartAsync(folder =>
            File.WriteAllText(Path.Combine(folder, "defaults.json"), testCase.PodDefaultListJson()));
        var uid = Guid.NewGuid().ToString();
        var body = new HalfThenRest(Encoding.UTF8.GetBytes(testCase.BuildReview(uid)));

        var pending = server.Client.PostAsync(new Uri(server.Address, WebhookPaths.ApplyPodDefault), body);
        await body.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = server.StopAsync();
        await UntilNotListeningAsync(server.Address);
        body.SendRest();

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConformanceJudge.Judge(testCase, uid, await response.Content.ReadAsStringAsync());
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
        throw new TimeoutException("the server kept accepting connections after StopApplication");
    }

    /// <summary>A JSON body that sends its first half, then waits to be told to send the rest.</summary>
    private sealed class HalfThenRest : HttpContent
    {
        private readonly byte[] body;
        private readonly TaskCompletionSource firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource sendRest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HalfThenRest(byte[] body)
        {
            this.body = body;
            Headers.ContentType = new("application/json");
        }

        public Task FirstHalfSent => firstHalfSent.Task;

        public void SendRest() => sendRest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            firstHalfSent.TrySetResult();
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
