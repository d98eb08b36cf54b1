using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>A complete LIST: every PodDefault that parsed, and the resourceVersion to watch from.</summary>
/// <param name="Skipped">Objects left out because they are not usable PodDefaults (each was logged).</param>
public sealed record PodDefaultList(IReadOnlyList<PodDefault> Items, string ResourceVersion, int Skipped);
