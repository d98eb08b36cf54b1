namespace PodDefaults.Webhook.Tls;

/// <summary>
/// The TLS options or certificate files cannot be served. The message names the flag or file and
/// says what is wrong with it, so it can be shown to the operator as is.
/// </summary>
public sealed class TlsConfigurationException : Exception
{
    public TlsConfigurationException(string message)
        : base(message)
    {
    }

    public TlsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
