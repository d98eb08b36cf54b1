using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

// kestrel-floor PORT CERT.pem KEY.pem: HTTPS on 127.0.0.1:PORT with the webhook's Kestrel and TLS settings
// (src/PodDefaults.Webhook/Server/WebhookHost.cs, Tls/KestrelTlsExtensions.cs); every POST body is read whole
// and answered with the same allowed AdmissionReview.
if (args.Length != 3 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: kestrel-floor PORT CERT.pem KEY.pem");
    return 2;
}

using var certificate = X509Certificate2.CreateFromPemFile(args[1], args[2]);
var context = SslStreamCertificateContext.Create(certificate, additionalCertificates: null);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = null;
    kestrel.Listen(IPAddress.Loopback, port, listen =>
    {
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions { ServerCertificateContext = context }),
        });
    });
});

var app = builder.Build();
var answer = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"b7f5aa24-9ef0-92c4-cd80-e6576e3ef899","allowed":true}}"""u8.ToArray();
app.Run(async http =>
{
    if (http.Request.Path.Value == "/readyz")
    {
        await http.Response.WriteAsync("ok");
        return;
    }
    await ReadWholeBody(http.Request.BodyReader);
    http.Response.ContentType = "application/json";
    http.Response.ContentLength = answer.Length;
    await http.Response.BodyWriter.WriteAsync(answer);
});
app.Run();
return 0;

// What any webhook must do with a body: read all of it. Each segment is consumed where it lies in the pipe, with no
// copy: a reader over the pipe's segments needs none, so a copy is the webhook's cost, not the floor's.
static async Task ReadWholeBody(PipeReader reader)
{
    while (true)
    {
        var result = await reader.ReadAsync();
        reader.AdvanceTo(result.Buffer.End);
        if (result.IsCompleted)
            return;
    }
}
