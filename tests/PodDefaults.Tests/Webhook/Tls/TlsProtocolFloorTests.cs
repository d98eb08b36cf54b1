using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

/// <summary>
/// TLS 1.2 and 1.3 only, whatever the system's OpenSSL policy allows (a permissive <c>OPENSSL_CONF</c> used to let
/// a client negotiate TLS 1.0). A real client offering only 1.0 or 1.1 fails the handshake; since this machine's
/// OpenSSL may refuse to offer those at all, the options every handshake uses are checked too.
/// </summary>
public sealed class TlsProtocolFloorTests
{
    [Fact]
    public void Every_handshake_enables_exactly_TLS_12_and_13()
    {
        var options = KestrelTlsExtensions.HandshakeOptions(new ServerCertificate(SelfSignedCertificate.Create(), []));
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, options.EnabledSslProtocols);
        Assert.NotNull(options.ServerCertificateContext);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task A_client_on_TLS_12_or_13_connects(SslProtocols protocol)
    {
        await using var server = await TestServer.StartAsync(new TlsOptions());
        Assert.Equal(protocol, await HandshakeAsync(server.Address, protocol));
    }

#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are obsolete: offering them is the point of the test
    [Theory]
    [InlineData(SslProtocols.Tls)]
    [InlineData(SslProtocols.Tls11)]
    [InlineData(SslProtocols.Tls | SslProtocols.Tls11)]
    public async Task A_client_offering_only_TLS_10_or_11_fails_the_handshake(SslProtocols protocol)
    {
        await using var server = await TestServer.StartAsync(new TlsOptions());
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(server.Address, protocol));
    }
#pragma warning restore SYSLIB0039

    private static async Task<SslProtocols> HandshakeAsync(Uri address, SslProtocols protocols)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = protocols,
        }, timeout.Token);
        return tls.SslProtocol;
    }
}
