using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// Reads and replaces one object as JSON. Replacing sends back the whole object as read, with its
/// <c>metadata.resourceVersion</c>: the API server refuses it with 409 Conflict if anyone wrote in between, and
/// fields this program does not know (labels, annotations, managedFields) go back unchanged.
/// </summary>
public sealed class KubernetesObjectClient(KubernetesConnection connection, TimeSpan requestTimeout, TimeProvider time)
{
    // A Secret or a webhook configuration is at most about 1.5 MiB (etcd's limit); anything larger is not one.
    private const int MaxObjectBytes = 3 * 1024 * 1024;

    /// <exception cref="KubernetesApiException">The server answered with an error status (404, 403...).</exception>
    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, "get " + path, cancellationToken);

    /// <exception cref="KubernetesApiException">Code 409: someone else wrote first; read again.</exception>
    public Task<JsonObject> ReplaceAsync(string path, JsonObject obj, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, obj, "update " + path, cancellationToken);

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, string operation, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(requestTimeout, time);
        using var link = cancellationToken.Register(static cts => ((CancellationTokenSource)cts!).Cancel(), deadline);
        using var request = new HttpRequestMessage(method, new Uri(connection.BaseUri, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
            request.Content = new ByteArrayContent(Serialize(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var response = await connection.SendAsync(request, deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await KubernetesApiException.FromResponseAsync(response, operation, deadline.Token).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > MaxObjectBytes)
            throw new FormatException($"{operation}: the answer is larger than {MaxObjectBytes} bytes");

        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, deadline.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxObjectBytes)
                throw new FormatException($"{operation}: the answer is larger than {MaxObjectBytes} bytes");
            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) as JsonObject
                ?? throw new FormatException($"{operation}: the answer is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{operation}: the answer is not JSON: {e.Message}", e);
        }
    }

    private static byte[] Serialize(JsonObject obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            obj.WriteTo(writer);
        return buffer.ToArray();
    }
}
