using Microsoft.Extensions.ObjectPool;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// <c>POST /apply-poddefault</c> and <c>POST /mutate</c>: read the body, let the engine decide, write the
/// AdmissionReview back. Bad input is the client's error (4xx with a reason), never a 5xx.
/// </summary>
internal sealed class AdmissionHandler(AdmissionEngine engine, ServeOptions options, AdmissionTelemetry telemetry)
{
    private readonly ObjectPool<PooledBufferWriter> responses = new DefaultObjectPool<PooledBufferWriter>(new ResponseBufferPolicy());

    public async Task HandleAsync(HttpContext context)
    {
        using var observation = telemetry.Observe(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await PlainTextResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, $"method {request.Method} is not allowed: send the AdmissionReview with POST");
            return;
        }
        if (!IsJson(request.ContentType))
        {
            await PlainTextResponse.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, $"content type \"{request.ContentType}\" is not supported: send application/json");
            return;
        }

        using var body = await RequestBodyReader.ReadAsync(request.BodyReader, request.ContentLength, options.MaxRequestBytes, context.RequestAborted);
        if (body.TooLarge)
        {
            await PlainTextResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {options.MaxRequestBytes} bytes");
            return;
        }

        var response = responses.Get();
        try
        {
            Admission admission;
            try
            {
                admission = engine.Review(body.Memory, response);
            }
            catch (AdmissionReviewFormatException error)
            {
                observation.Malformed(error);
                await PlainTextResponse.WriteAsync(context, StatusCodes.Status400BadRequest, error.Message);
                return;
            }
            using (admission)
            {
                observation.Decided(admission);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = response.WrittenCount;
                await context.Response.BodyWriter.WriteAsync(response.WrittenMemory, context.RequestAborted);
            }
        }
        finally
        {
            responses.Return(response);
        }
    }

    /// <summary><c>application/json</c>, with or without parameters such as <c>charset</c>.</summary>
    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
            return false;
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
            mediaType = mediaType[..semicolon];
        return mediaType.Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class ResponseBufferPolicy : IPooledObjectPolicy<PooledBufferWriter>
    {
        public PooledBufferWriter Create() => new();

        public bool Return(PooledBufferWriter buffer)
        {
            buffer.Clear();
            return true;
        }
    }
}
