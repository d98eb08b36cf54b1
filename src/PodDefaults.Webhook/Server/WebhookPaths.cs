namespace PodDefaults.Webhook.Server;

/// <summary>The HTTP paths the server answers (docs/semantics.md §8).</summary>
public static class WebhookPaths
{
    /// <summary>Kubeflow's path, so an existing MutatingWebhookConfiguration keeps working.</summary>
    public const string ApplyPodDefault = "/apply-poddefault";
    public const string Mutate = "/mutate";
    public const string Healthz = "/healthz";
    public const string Readyz = "/readyz";
}
