using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>Why an object was skipped, for the log line that names it.</summary>
internal static class SkipReason
{
    /// <summary>A format error says what is wrong; anything else is a defect, named by its type so it can be found.</summary>
    public static string Of(Exception failure) => failure is PodDefaultFormatException
        ? failure.Message
        : $"unexpected {failure.GetType().Name}: {failure.Message}";
}
