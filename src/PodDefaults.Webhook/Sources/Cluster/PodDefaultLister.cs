using System.Text.Json;
using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>The cluster-wide LIST, page by page, following <c>continue</c> until the list is complete.</summary>
public sealed class PodDefaultLister(KubernetesConnection connection, ClusterSourceOptions options, TimeProvider time, ILogger logger)
{
    /// <exception cref="KubernetesApiException">The server answered with an error status.</exception>
    /// <exception cref="OperationCanceledException">A page got no complete answer within the request timeout.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    /// <exception cref="FormatException">A page is not a list.</exception>
    public async Task<PodDefaultList> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<PodDefault>();
        var skipped = 0;
        var pageSize = options.PageSize;
        string? continueToken = null;
        while (true)
        {
            ListPage page;
            try
            {
                page = await ReadPageAsync(pageSize, continueToken, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsExpired && continueToken is not null)
            {
                // The pages so far are from a version etcd has compacted away. Start over in one page, as
                // client-go's pager does, so that the new list has no continue token left to expire.
                ClusterSourceLog.ContinueExpired(logger, e.Message);
                (items, skipped, pageSize, continueToken) = ([], 0, 0, null);
                continue;
            }

            foreach (var item in page.Items)
            {
                if (TryRead(item) is { } podDefault)
                    items.Add(podDefault);
                else
                    skipped++;
            }

            if (page.Continue is null)
                return new PodDefaultList(items, page.ResourceVersion, skipped);
            continueToken = page.Continue;
        }
    }

    /// <summary>The item as a PodDefault, or null (logged) when it cannot be read, for whatever reason.</summary>
    private PodDefault? TryRead(JsonElement item)
    {
        try
        {
            return options.ParsePodDefault(item);
        }
        catch (Exception e)
        {
            // Any failure, not only a format error: one object must never fail the LIST for every namespace.
            ClusterSourceLog.SkippedPodDefault(logger, ObjectMetadata.Describe(item), ObjectMetadata.ResourceVersion(item), SkipReason.Of(e));
            return null;
        }
    }

    private async Task<ListPage> ReadPageAsync(int limit, string? continueToken, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.RequestTimeout, time);
        using var link = cancellationToken.Register(static cts => ((CancellationTokenSource)cts!).Cancel(), deadline);
        using var request = new HttpRequestMessage(HttpMethod.Get, PodDefaultsApi.List(connection.BaseUri, limit, continueToken));
        using var response = await connection.SendAsync(request, deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await KubernetesApiException.FromResponseAsync(response, "list", deadline.Token).ConfigureAwait(false);

        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, ClusterJson.DocumentOptions, deadline.Token).ConfigureAwait(false);
        return ListPage.Read(document.RootElement);
    }
}
