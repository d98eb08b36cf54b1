namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// Every name an SRE queries by: the ActivitySource and Meter, spans, span attributes and events, metrics.
/// Dashboards and alerts depend on these; docs/observability.md lists them. Change them only on purpose.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The ActivitySource and the Meter, named after the product.</summary>
    public const string Source = "PodDefaults";

    /// <summary><c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> say otherwise.</summary>
    public const string DefaultServiceName = "poddefaults";

    /// <summary>Logger category of the per-admission lines (debug) and rejections.</summary>
    public const string AdmissionLogCategory = "PodDefaults.Admission";

    public static class Spans
    {
        public const string Admission = "poddefaults.admission";
        public const string List = "poddefaults.source.list";
        public const string Watch = "poddefaults.source.watch";
    }

    public static class Attributes
    {
        public const string Namespace = "poddefaults.pod.namespace";
        public const string PodName = "poddefaults.pod.name";
        public const string Operation = "poddefaults.operation";
        public const string MatchedCount = "poddefaults.matched.count";
        public const string MatchedNames = "poddefaults.matched.names";
        public const string PatchOperations = "poddefaults.patch.operations";
        public const string Outcome = "poddefaults.outcome";
        public const string SnapshotGeneration = "poddefaults.snapshot.generation";
        public const string PodDefault = "poddefaults.poddefault";
        public const string Reason = "poddefaults.reason";
        public const string Relist = "poddefaults.source.relist";
        public const string Resumed = "poddefaults.source.resumed";
        public const string ResourceVersion = "poddefaults.source.resource_version";
        public const string Count = "poddefaults.source.count";
        public const string StatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
    }

    public static class Events
    {
        public const string Conflict = "poddefaults.conflict";
        public const string InvalidSelector = "poddefaults.invalid_selector";
    }

    public static class Metrics
    {
        public const string AdmissionDuration = "poddefaults.admission.duration";
        public const string Reviews = "poddefaults.admission.reviews";
        public const string Patches = "poddefaults.admission.patches";
        public const string Conflicts = "poddefaults.admission.conflicts";
        public const string InvalidPodDefaults = "poddefaults.admission.invalid_poddefaults";
        public const string SnapshotPodDefaults = "poddefaults.snapshot.poddefaults";
        public const string SnapshotAge = "poddefaults.snapshot.age";
        public const string SnapshotGeneration = "poddefaults.snapshot.generation";
        public const string Relists = "poddefaults.source.relists";
        public const string WatchRestarts = "poddefaults.source.watch_restarts";
        public const string SourceFailures = "poddefaults.source.failures";
        public const string SourceSkipped = "poddefaults.source.skipped";
    }
}
