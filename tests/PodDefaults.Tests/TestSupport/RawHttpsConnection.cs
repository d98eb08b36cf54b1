using System.Net.Security;
using System.Net.Sockets;

namespace PodDefaults.Tests.TestSupport;

/// <summary>
/// One HTTP/1.1 connection over TLS written by hand, for what <see cref="HttpClient"/> will not do: announce a body
/// and stall halfway, or see whether the server closed the connection.
/// </summary>
public sealed class RawHttpsConnection : IAsyncDisposable
{
    private readonly TcpClient tcp;
    private readonly SslStream tls;

    private RawHttpsConnection(TcpClient tcp, SslStream tls)
    {
        this.tcp = tcp;
        this.tls = tls;
    }

    /// <summary>Connects to <paramref name="address"/> (the test server's own certificate is not checked here).</summary>
    public static async Task<RawHttpsConnection> OpenAsync(Uri address)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", address.Port);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return new RawHttpsConnection(tcp, tls);
    }

    /// <summary>The request line and headers of a JSON POST announcing <paramref name="contentLength"/> bytes.</summary>
    public Task SendHeadersAsync(string path, long contentLength) =>
        SendAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n"));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await tls.WriteAsync(bytes);
        await tls.FlushAsync();
    }

    /// <summary>One whole response: status line, headers and body (by Content-Length, chunks, or to the end).</summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            if (RawResponse.TryParse(text, out var response))
                return response;
            var read = await tls.ReadAsync(buffer, cancel.Token);
            if (read == 0)
                return RawResponse.TryParse(text, out response, ended: true) ? response : throw new IOException($"the connection closed after: {text}");
            received.Write(buffer, 0, read);
        }
    }

    /// <summary>Whether the server has closed the connection (reading ends) within <paramref name="timeout"/>.</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[1024];
        try
        {
            while (await tls.ReadAsync(buffer, cancel.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await tls.DisposeAsync();
        tcp.Dispose();
    }
}

/// <summary>A response read by <see cref="RawHttpsConnection"/>.</summary>
public sealed record RawResponse(int Status, string Headers, string Body)
{
    public static bool TryParse(string text, out RawResponse response, bool ended = false)
    {
        response = null!;
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
            return false;
        var headers = text[..headerEnd];
        var body = text[(headerEnd + 4)..];
        var status = int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var lengthLine = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthLine is not null)
        {
            var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (Encoding.UTF8.GetByteCount(body) < length)
                return false;
        }
        else if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            if (!body.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
                return false;
            body = Unchunk(body);
        }
        else if (!ended)
        {
            return false;
        }
        response = new RawResponse(status, headers, body);
        return true;
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
                return body.ToString();
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
