using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// <c>/healthz</c>: the process serves requests. <c>/readyz</c>: the PodDefault source has been read
/// completely once, the API server trusts the certificate served (self-provisioned mode), and the process is
/// not shutting down (so endpoints drain before Kestrel stops).
/// </summary>
internal sealed class HealthHandler(SourceStatus status, ServingCertificateStatus certificate, IHostApplicationLifetime lifetime)
{
    public Task HealthzAsync(HttpContext context) => PlainTextResponse.WriteAsync(context, StatusCodes.Status200OK, "ok");

    public Task ReadyzAsync(HttpContext context)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return PlainTextResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "shutting down");
        if (!certificate.IsTrusted)
            return PlainTextResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "serving certificate not trusted by the webhook configuration's caBundle yet");
        return status.IsReady
            ? PlainTextResponse.WriteAsync(context, StatusCodes.Status200OK, "ok")
            : PlainTextResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "PodDefaults not loaded yet");
    }
}
