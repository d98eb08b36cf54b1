
namespace PodDefaults.Webhook.Tls.Provisioning;

internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = LogEvents.TlsProvisionedPlaceholder, Level = LogLevel.Information,
        Message = "Serving a temporary self-signed certificate until the pair in Secret {Secret} is read; /readyz stays 503 until then.")]
    public static partial void ServingPlaceholder(ILogger logger, string secret);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedWroteSecret, Level = LogLevel.Information, Message = "Secret {Secret}: {Change}.")]
    public static partial void WroteSecret(ILogger logger, string secret, string change);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedLostRace, Level = LogLevel.Information,
        Message = "Another writer got there first ({Reason}); reading the Secret and webhook configuration again and using what won.")]
    public static partial void LostRace(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedInjectedBundle, Level = LogLevel.Information,
        Message = "MutatingWebhookConfiguration {Configuration}: set the caBundle of its webhooks to the {Count} CA(s) of Secret {Secret}.")]
    public static partial void InjectedBundle(ILogger logger, string configuration, int count, string secret);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedServing, Level = LogLevel.Information,
        Message = "Serving the certificate of Secret {Secret}: {Subject}, thumbprint {Thumbprint}, valid until {NotAfter:u}.")]
    public static partial void Serving(ILogger logger, string secret, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedCannotServe, Level = LogLevel.Warning,
        Message = "The pair in Secret {Secret} cannot be served ({Reason}); keeping the current certificate.")]
    public static partial void CannotServe(ILogger logger, string secret, string reason);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedNotTrusted, Level = LogLevel.Warning,
        Message = "The webhook configuration's caBundle does not trust the certificate this replica serves; /readyz is 503 until it does.")]
    public static partial void NotTrusted(ILogger logger);

    [LoggerMessage(EventId = LogEvents.TlsProvisionedRetrying, Level = LogLevel.Warning,
        Message = "Certificate provisioning failed ({Reason}); retrying in {Delay}. The current certificate keeps serving.")]
    public static partial void Retrying(ILogger logger, string reason, TimeSpan delay);
}
