using Microsoft.Extensions.ObjectPool;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Webhook.Server;

/// <summary>
/// <c>POST /apply-poddefault</c> and <c>POST /mutate</c>: read the body, let the engine decide, write the
/// AdmissionReview back. Bad input is the client's error (4xx with a reason), never a 5xx.
/// </summary>
internal sealed class AdmissionHandler(AdmissionEngine engine, ServeOptions options, RequestBodyBudget budget, AdmissionTelemetry telemetry)
{
    /// <summary>The response goes to Kestrel in pieces of this size, so its output pipe never holds a whole large one.</summary>
    private const int ResponseChunkBytes = 64 * 1024;

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

        using var body = await RequestBodyReader.ReadAsync(request.BodyReader, request.ContentLength, options.MaxRequestBytes,
            options.BodyReadTimeout, budget, context.RequestAborted);
        if (body.Status != RequestBodyStatus.Read)
        {
            await RefuseBodyAsync(context, body.Status);
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
            catch (AdmissionCapacityException error)
            {
                // Dropped, not pooled, like the admission: it may hold part of a response that grew until memory ran out.
                response = null;
                context.Response.Headers.RetryAfter = "1";
                await PlainTextResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, error.Message);
                return;
            }
            using (admission)
            {
                observation.Decided(admission);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = response.WrittenCount;
                for (var written = response.WrittenMemory; !written.IsEmpty; written = written[Math.Min(ResponseChunkBytes, written.Length)..])
                    await context.Response.BodyWriter.WriteAsync(written[..Math.Min(ResponseChunkBytes, written.Length)], context.RequestAborted);
            }
        }
        finally
        {
            if (response is not null)
                responses.Return(response);
        }
    }

    /// <summary>
    /// A body that was not read whole. Kestrel discards what is left of it after the answer (for up to 5 s), so that
    /// a client still sending reads the answer rather than a reset connection; a body that stalled is not waited
    /// for again: on HTTP/1.1 its connection closes after the answer.
    /// </summary>
    private Task RefuseBodyAsync(HttpContext context, RequestBodyStatus status)
    {
        switch (status)
        {
            case RequestBodyStatus.TooLarge:
                return PlainTextResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {options.MaxRequestBytes} bytes");
            case RequestBodyStatus.TimedOut:
                if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
                    context.Response.Headers.Connection = "close";
                return PlainTextResponse.WriteAsync(context, StatusCodes.Status408RequestTimeout,
                    $"the body did not arrive within {options.BodyReadTimeout.TotalSeconds:0.###} s");
            default:
                // Bodies that stall (or many at once) hold the budget; they end by the read timeout, so a retry soon succeeds.
                context.Response.Headers.RetryAfter = "1";
                return PlainTextResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                    $"request bodies being read already hold {budget.HeldBytes} of {budget.MaxBytes} bytes: retry");
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

    internal sealed class ResponseBufferPolicy : IPooledObjectPolicy<PooledBufferWriter>
    {
        public PooledBufferWriter Create() => new();

        /// <summary>Cleared, which drops a buffer too large to pool (see <see cref="PooledArrays"/>).</summary>
        public bool Return(PooledBufferWriter buffer)
        {
            buffer.Clear();
            return true;
        }
    }
}
