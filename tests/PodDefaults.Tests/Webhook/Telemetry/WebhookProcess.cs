using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// The built program (<c>poddefaults.dll</c> beside the tests) running <c>serve</c> on loopback in a process of its
/// own: the <c>OTEL_*</c> environment is set the way an SRE sets it, and its stdout is exactly what it logged.
/// </summary>
public sealed class WebhookProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;
    private readonly string folder;

    private WebhookProcess(Process process, ConcurrentQueue<string> output, string folder, Uri address, HttpClient client)
    {
        this.process = process;
        this.output = output;
        this.folder = folder;
        Address = address;
        Client = client;
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Every line written to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => output;

    /// <param name="writeDefaults">Fills the --defaults folder before the program starts.</param>
    /// <param name="environment">Added to this process's environment, from which every <c>OTEL_*</c> variable is removed.</param>
    /// <param name="arguments">More serve flags.</param>
    public static async Task<WebhookProcess> StartAsync(Action<string> writeDefaults, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string>? arguments = null)
    {
        var folder = Directory.CreateTempSubdirectory("poddefaults-process-").FullName;
        var defaults = Directory.CreateDirectory(Path.Combine(folder, "defaults")).FullName;
        writeDefaults(defaults);
        var certificate = Path.Combine(folder, "ca.pem");
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "poddefaults.dll"), "serve", "--defaults", defaults,
                     "--listen", "127.0.0.1", "--port", port.ToString(), "--self-signed-cert-out", certificate, .. arguments ?? []])
            start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"https://127.0.0.1:{port}");
        var client = WebhookTestServer.TrustingClient(await ReadCertificateAsync(certificate, process, output), new StrongBox<int>());
        var webhook = new WebhookProcess(process, output, folder, address, client);
        await webhook.WaitUntilReadyAsync();
        return webhook;
    }

    public Task<HttpResponseMessage> PostReviewAsync(string json, string? traceparent = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Address, WebhookPaths.ApplyPodDefault))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (traceparent is not null)
            request.Headers.Add("traceparent", traceparent);
        return Client.SendAsync(request);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var response = await Client.GetAsync(new Uri(Address, WebhookPaths.Readyz));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"poddefaults did not become ready:\n{string.Join("\n", output)}");
            await Task.Delay(100);
        }
    }

    /// <summary>The self-signed certificate the program writes at startup, read once it is complete.</summary>
    private static async Task<X509Certificate2> ReadCertificateAsync(string path, Process process, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(path));
            }
            catch (Exception error) when (error is IOException or System.Security.Cryptography.CryptographicException)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"poddefaults wrote no certificate:\n{string.Join("\n", output)}");
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
