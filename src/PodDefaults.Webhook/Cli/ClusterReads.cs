using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// What <c>explain</c> and <c>apply</c> read from a live cluster: its PodDefaults, by the same LIST the server
/// makes, and an existing pod. Every failure is a <see cref="CliException"/> that says what was asked of whom.
/// </summary>
internal static class ClusterReads
{
    /// <summary><see cref="ClusterSourceRegistration.Connect"/>, its failure a <see cref="CliException"/>.</summary>
    public static KubernetesConnection Connect(string? kubeconfig, string purpose = "no cluster to read PodDefaults from", string hint = "; or pass --defaults PATH")
    {
        try
        {
            return ClusterSourceRegistration.Connect(kubeconfig, purpose, hint);
        }
        catch (SourceStartException error)
        {
            throw new CliException(error.Message);
        }
    }

    public static PodDefaultSnapshot PodDefaults(KubernetesConnection connection, TextWriter stderr)
    {
        var list = Ask(connection, "list PodDefaults", token =>
            new PodDefaultLister(connection, new ClusterSourceOptions(), TimeProvider.System, NullLogger.Instance).ListAsync(token));
        if (list.Skipped > 0)
            stderr.WriteLine($"Warning: {list.Skipped} PodDefaults in the cluster cannot be read and are skipped, as the webhook skips them");
        return PodDefaultSnapshot.Empty.ReplaceAll(list.Items);
    }

    /// <summary>The pod <paramref name="namespace"/>/<paramref name="name"/> as the API server holds it.</summary>
    public static PodFile Pod(KubernetesConnection connection, string @namespace, string name)
    {
        var text = Ask(connection, $"get pod {@namespace}/{name}", async token =>
        {
            var uri = new Uri(connection.BaseUri, $"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/pods/{Uri.EscapeDataString(name)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await connection.SendAsync(request, token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw await KubernetesApiException.FromResponseAsync(response, "get", token).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
        });
        return PodFile.Parse($"pod {@namespace}/{name}", text);
    }

    private static T Ask<T>(KubernetesConnection connection, string what, Func<CancellationToken, Task<T>> request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return request(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is KubernetesApiException or HttpRequestException or OperationCanceledException or JsonException or FormatException)
        {
            var reason = error is OperationCanceledException ? "no answer within 30 s" : error.Message;
            throw new CliException($"cannot {what} from {connection.BaseUri}: {reason}");
        }
    }
}
