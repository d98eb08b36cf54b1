namespace PodDefaults.Core.Json;

/// <summary>Bounds on the JSON the webhook reads.</summary>
public static class JsonLimits
{
    /// <summary>How deep objects and lists may nest in a request (the API server's own limit is far lower).</summary>
    public const int MaxDepth = 256;
}
