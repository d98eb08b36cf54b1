using System.Diagnostics;
using PodDefaults.Core.Admission;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>The admission span: a server span continuing the API server's W3C trace context, described by the decision.</summary>
internal static class AdmissionSpan
{
    /// <returns>The span, or null when nobody listens or the sampler drops it.</returns>
    public static Activity? Start(HttpRequest request)
    {
        var source = WebhookActivitySource.Instance;
        if (!source.HasListeners())
            return null;
        // ASP.NET Core starts an activity of its own for every request, which is not exported; a span under it
        // would point at a parent no backend ever receives. Our span's parent is the API server's span, or none.
        Activity.Current = null;
        ActivityContext.TryParse(request.Headers.TraceParent, request.Headers.TraceState, isRemote: true, out var parent);
        return source.StartActivity(Spans.Admission, ActivityKind.Server, parent);
    }

    /// <summary>Tags and events of a recorded span; called while the pooled admission is still readable.</summary>
    public static void Describe(Activity span, Admission admission, AdmissionSummary summary)
    {
        span.SetTag(Attributes.Namespace, summary.Namespace);
        span.SetTag(Attributes.PodName, summary.PodName);
        span.SetTag(Attributes.Operation, summary.Operation);
        span.SetTag(Attributes.MatchedCount, summary.PodDefaults.Length);
        span.SetTag(Attributes.MatchedNames, summary.PodDefaults);
        span.SetTag(Attributes.PatchOperations, admission.PatchOperationCount);
        span.SetTag(Attributes.SnapshotGeneration, admission.SnapshotGeneration);
        // Conflict clauses never hold secret material (docs/semantics.md §6): the core words them that way.
        foreach (var conflict in admission.ConflictsFound())
        {
            span.AddEvent(new ActivityEvent(Events.Conflict, tags: new ActivityTagsCollection
            {
                [Attributes.PodDefault] = conflict.PodDefault,
                [Attributes.Reason] = conflict.Clause,
            }));
        }
        // Today the engine's only warnings are PodDefaults skipped for an unusable selector.
        foreach (var warning in admission.Warnings)
            span.AddEvent(new ActivityEvent(Events.InvalidSelector, tags: new ActivityTagsCollection { [Attributes.Reason] = warning }));
    }

    /// <summary>The end of the span: how the request ended, as a tag and, when there was no decision, as an error.</summary>
    public static void End(Activity span, string outcome, int statusCode, string? error)
    {
        span.SetTag(Attributes.Outcome, outcome);
        span.SetTag(Attributes.StatusCode, statusCode);
        if (error is not null)
        {
            span.SetTag(Attributes.ErrorType, error);
            span.SetStatus(ActivityStatusCode.Error, error);
        }
        span.Dispose();
    }
}
