namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The admission log lines, source-generated. None carries a request body or a PodDefault's values: conflict
/// messages come from the core, which words them without secret material (docs/semantics.md §6).
/// </summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(EventId = LogEvents.AdmissionAnswered, Level = LogLevel.Debug,
        Message = "Admission {Outcome}: pod {Namespace}/{PodName} ({Operation}), PodDefaults [{PodDefaults}], {PatchOperations} patch operations, snapshot generation {SnapshotGeneration}, {DurationMs} ms")]
    public static partial void Answered(ILogger logger, string outcome, string @namespace, string podName, string operation,
        string podDefaults, int patchOperations, long snapshotGeneration, double durationMs);

    [LoggerMessage(EventId = LogEvents.AdmissionRejected, Level = LogLevel.Information, Message = "Rejected pod {Namespace}/{PodName}: {Reason}")]
    public static partial void Rejected(ILogger logger, string @namespace, string podName, string reason);

    [LoggerMessage(EventId = LogEvents.AdmissionMalformed, Level = LogLevel.Warning, Message = "Rejected a malformed AdmissionReview: {Reason}")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.AdmissionRefused, Level = LogLevel.Warning, Message = "Answered HTTP {StatusCode} to {Method} {Path} without an admission decision")]
    public static partial void Refused(ILogger logger, int statusCode, string method, string path);
}
