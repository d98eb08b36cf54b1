using System.Runtime.CompilerServices;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>One WATCH request: opens it from a resourceVersion and yields its lines until the server ends it.</summary>
public sealed class PodDefaultWatch(KubernetesConnection connection, ClusterSourceOptions options, TimeProvider time)
{
    /// <summary>A server-side timeout between the minimum and twice it, like client-go's reflector.</summary>
    public TimeSpan ChooseTimeout() =>
        options.MinWatchTimeout + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * options.MinWatchTimeout.Ticks));

    /// <exception cref="KubernetesApiException">The server answered with an error status (410 when the version expired).</exception>
    /// <exception cref="OperationCanceledException">No headers within the request timeout, or silence past the idle timeout.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    /// <exception cref="IOException">The connection broke, possibly in the middle of an event.</exception>
    public async IAsyncEnumerable<WatchLine> WatchAsync(
        string resourceVersion,
        TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var link = cancellationToken.Register(static cts => ((CancellationTokenSource)cts!).Cancel(), deadline);
        deadline.CancelAfter(options.RequestTimeout);

        using var request = new HttpRequestMessage(HttpMethod.Get, PodDefaultsApi.Watch(connection.BaseUri, resourceVersion, timeout));
        using var response = await connection.SendAsync(request, deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await KubernetesApiException.FromResponseAsync(response, "watch", deadline.Token).ConfigureAwait(false);

        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        var reader = new WatchStreamReader(body, options.MaxEventBytes, timeout + options.WatchIdleSlack, deadline);
        await foreach (var line in reader.ReadLinesAsync(cancellationToken).ConfigureAwait(false))
            yield return line;
    }
}
