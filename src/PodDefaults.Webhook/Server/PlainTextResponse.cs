namespace PodDefaults.Webhook.Server;

/// <summary>An error answered in plain words: the status code and the reason, for whoever reads the API server's log.</summary>
internal static class PlainTextResponse
{
    public static Task WriteAsync(HttpContext context, int statusCode, string reason)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason + "\n", context.RequestAborted);
    }
}
