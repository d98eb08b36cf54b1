using System.Diagnostics;
using System.Globalization;
using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// One admission request as telemetry sees it. The handler opens it first, reports the engine's decision (or the
/// malformed body) while the pooled admission is readable, and disposes it once the response is written: that ends
/// the span, records the duration by outcome and writes the per-admission debug line. Pooled: costs no allocation.
/// </summary>
internal sealed class AdmissionObservation(AdmissionTelemetry telemetry) : IDisposable
{
    private HttpContext context = null!;
    private Activity? span;
    private long started;
    private AdmissionOutcome? outcome;
    private string? malformed;
    private AdmissionSummary? summary;

    internal void Start(HttpContext request)
    {
        context = request;
        started = Stopwatch.GetTimestamp();
        span = AdmissionSpan.Start(request.Request);
    }

    /// <summary>The engine decided; <paramref name="admission"/> must not be disposed yet.</summary>
    public void Decided(Admission admission)
    {
        outcome = admission.Outcome;
        telemetry.Metrics.Decided(admission);
        var recording = span is { IsAllDataRequested: true };
        if (recording || telemetry.Logger.IsEnabled(LogLevel.Debug))
            summary = AdmissionSummary.Of(admission);
        if (recording)
            AdmissionSpan.Describe(span!, admission, summary!);
        if (admission.Outcome == AdmissionOutcome.Conflict)
            AdmissionLog.Rejected(telemetry.Logger, admission.Namespace, admission.PodName, admission.DenialMessage!);
    }

    /// <summary>The body is not an AdmissionReview (answered 400).</summary>
    public void Malformed(AdmissionReviewFormatException error)
    {
        malformed = error.Message;
        AdmissionLog.Malformed(telemetry.Logger, error.Message);
    }

    public void Dispose()
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var name = OutcomeNames.Of(outcome);
        var status = context.Response.StatusCode;
        var error = outcome is null ? ErrorType(status) : null;
        telemetry.Metrics.Answered(name, elapsed);
        if (outcome is null && malformed is null && status >= 400)
            AdmissionLog.Refused(telemetry.Logger, status, context.Request.Method, context.Request.Path.Value ?? "");
        // Written before the span ends, so that the line carries the span's trace and span ids.
        if (summary is not null && telemetry.Logger.IsEnabled(LogLevel.Debug))
        {
            AdmissionLog.Answered(telemetry.Logger, name, summary.Namespace, summary.PodName, summary.Operation,
                string.Join(",", summary.PodDefaults), summary.PatchOperations, summary.SnapshotGeneration, elapsed.TotalMilliseconds);
        }
        if (span is not null)
            AdmissionSpan.End(span, name, status, malformed ?? error);
        Reset();
        telemetry.Return(this);
    }

    /// <summary>
    /// Why there was no decision: the status code answered, or, when the handler never got to answer (the status is
    /// still the default), an exception or the client going away.
    /// </summary>
    private string ErrorType(int status) =>
        status >= 400 ? status.ToString(CultureInfo.InvariantCulture) : context.RequestAborted.IsCancellationRequested ? "aborted" : "exception";

    private void Reset()
    {
        context = null!;
        span = null;
        outcome = null;
        malformed = null;
        summary = null;
    }
}
