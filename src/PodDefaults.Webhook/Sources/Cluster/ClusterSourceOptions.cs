using System.Text.Json;
using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>Timings and sizes of the cluster source. The defaults suit a real API server; tests shorten them.</summary>
public sealed record ClusterSourceOptions
{
    /// <summary>Items per LIST page (<c>limit</c>).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Shortest server-side watch timeout; each watch asks for a random one between this and twice this, as
    /// client-go does, so that many replicas do not reconnect in step.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long past its own timeout a watch may stay silent before it is taken for hung and resumed. The server
    /// closes a watch at its timeout, so silence beyond that means the connection is dead without having said so.
    /// </summary>
    public TimeSpan WatchIdleSlack { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit on one LIST page request (and on a watch's response headers) before it counts as hung.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First retry delay bound; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest watch event line accepted; a longer one is treated as a broken stream and the watch resumed.</summary>
    public int MaxEventBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Turns one listed or watched object into a PodDefault. Always <see cref="PodDefaultParser.Parse"/>; tests
    /// put a throwing one here to show that any failure on one object only skips that object.
    /// </summary>
    internal Func<JsonElement, PodDefault> ParsePodDefault { get; init; } = static obj => PodDefaultParser.Parse(obj);
}
