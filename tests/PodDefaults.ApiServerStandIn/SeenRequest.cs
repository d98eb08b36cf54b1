namespace PodDefaults.ApiServerStandIn;

/// <summary>A request as the stand-in received it, for tests to assert on.</summary>
/// <param name="Kind"><c>list</c>, <c>watch</c> or <c>other</c>.</param>
/// <param name="Query">The query parameters (last value wins).</param>
/// <param name="ClientCertificateThumbprint">SHA-256 thumbprint of the TLS client certificate, if one was sent.</param>
public sealed record SeenRequest(
    string Kind,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Query,
    string? Authorization,
    string? ClientCertificateThumbprint)
{
    private int status;

    /// <summary>The status sent (200 for a watch that streams); 0 when no answer was sent (hung, reset).</summary>
    public int Status
    {
        get => Volatile.Read(ref status);
        internal set => Volatile.Write(ref status, value);
    }

    public string? ResourceVersion => Query.GetValueOrDefault("resourceVersion");

    public string? Continue => Query.GetValueOrDefault("continue");

    public string? Limit => Query.GetValueOrDefault("limit");
}
