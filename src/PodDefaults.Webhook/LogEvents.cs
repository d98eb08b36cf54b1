namespace PodDefaults.Webhook;

/// <summary>
/// The event id of every log message the webhook writes, in one list so that ids stay unique and stable: a
/// collector or an alert may select on them. Each area has its own hundred. An id is never reused for another
/// message: a message that goes away takes its id with it.
/// </summary>
/// <remarks>
/// To add a message: a constant here in its area's hundred, then <c>[LoggerMessage(EventId = LogEvents.Name, ...)]</c>.
/// LogEventsTests fails on a <c>[LoggerMessage]</c> without an id from this list, or on an id used twice.
/// </remarks>
public static class LogEvents
{
    // Admission (Telemetry/AdmissionLog): 100-199.
    public const int AdmissionAnswered = 100;
    public const int AdmissionRejected = 101;
    public const int AdmissionMalformed = 102;
    public const int AdmissionRefused = 103;

    // Cluster source (Sources/Cluster/ClusterSourceLog): 200-299.
    public const int ClusterListed = 200;
    public const int ClusterRelisting = 201;
    public const int ClusterContinueExpired = 202;
    public const int ClusterSkippedPodDefault = 203;
    public const int ClusterSkippedWatchLine = 204;
    public const int ClusterRetryingWhileServing = 205;
    public const int ClusterRetryingBeforeReady = 206;
    public const int ClusterWatchEnded = 207;
    public const int ClusterSnapshotKept = 208;

    // File source (Sources/Files, FileSystem): 300-399.
    public const int FilesSkippedPodDefault = 300;
    public const int FilesKeptPrevious = 301;
    public const int FilesDuplicate = 302;
    public const int FilesLoaded = 303;
    public const int FilesCannotWatch = 304;
    public const int FilesNotPodDefaults = 305;
    public const int FilesUnreadableEntry = 306;
    public const int FilesWaitingToSettle = 307;
    public const int FilesReloadFailed = 308;

    // TLS (Tls/): 400-499.
    public const int TlsServingCertificate = 400;
    public const int TlsKeptCurrentCertificate = 401;
    public const int TlsSelfSigned = 402;
    public const int TlsProvisionedPlaceholder = 403;
    public const int TlsProvisionedWroteSecret = 404;
    public const int TlsProvisionedLostRace = 405;
    public const int TlsProvisionedInjectedBundle = 406;
    public const int TlsProvisionedServing = 407;
    public const int TlsProvisionedCannotServe = 408;
    public const int TlsProvisionedNotTrusted = 409;
    public const int TlsProvisionedRetrying = 410;

    // The HTTP server (Server/, Telemetry's Kestrel log limit): 500-599.
    public const int ServerKestrelLinesSuppressed = 500;

    // Whichever source runs (Sources/SourceRunner): 600-699.
    public const int SourceFailed = 600;
}
