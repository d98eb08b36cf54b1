using System.Buffers;
using System.CommandLine;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Selection;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// What <c>apply</c> and <c>explain</c> share: the pod of <c>-f</c> in its namespace, the PodDefaults of
/// <c>--defaults</c>, and the AdmissionReview the API server would send to create that pod, decided by the same
/// <see cref="AdmissionEngine"/> as the server's.
/// </summary>
internal sealed class OfflineAdmission
{
    private OfflineAdmission(PodFile pod, string @namespace, PodDefaultSnapshot snapshot)
    {
        PodFile = pod;
        Snapshot = snapshot;
        Review = PodReview.Create(pod.Pod, @namespace);
    }

    public PodFile PodFile { get; }

    public PodDefaultSnapshot Snapshot { get; }

    /// <summary>The AdmissionReview, as UTF-8 JSON.</summary>
    public byte[] Review { get; }

    /// <exception cref="CliException">A flag is missing or wrong, or the pod or the defaults path cannot be used.</exception>
    public static OfflineAdmission Prepare(OfflineFlags flags, ParseResult parsed, TextReader stdin, TextWriter stderr)
    {
        var defaultsPath = parsed.GetValue(flags.Defaults);
        var podName = parsed.GetValue(flags.Pod);
        var flagNamespace = parsed.GetValue(flags.Namespace);
        if (flagNamespace is { Length: 0 })
            throw new CliException("-n needs a namespace name");

        using var cluster = defaultsPath is null || podName is not null ? ClusterReads.Connect(parsed.GetValue(flags.Kubeconfig)) : null;
        var pod = podName is not null
            ? ClusterReads.Pod(cluster!, flagNamespace ?? PodNamespace.Default, podName)
            : PodFile.Read(parsed.GetRequiredValue(flags.Filename), stdin);
        var namespaceGuessed = flagNamespace is null && pod.Pod["metadata"]?["namespace"] is null;
        var @namespace = PodNamespace.Settle(pod, flagNamespace);
        var snapshot = defaultsPath is not null
            ? DefaultsLoader.Load(defaultsPath, flagNamespace ?? PodNamespace.Default, stderr)
            : ClusterReads.PodDefaults(cluster!, stderr);
        return new OfflineAdmission(pod, @namespace, snapshot) { NamespaceGuessed = namespaceGuessed };
    }

    /// <summary>The pod named no namespace and -n none: it was taken to be <c>default</c>.</summary>
    public bool NamespaceGuessed { get; private init; }

    /// <summary>The engine's decision, its response AdmissionReview written to <paramref name="response"/>.</summary>
    /// <returns>The admission; the caller disposes it.</returns>
    /// <exception cref="CliException">The engine cannot read the pod.</exception>
    public Admission Decide(IBufferWriter<byte> response)
    {
        var holder = new SnapshotHolder();
        holder.Publish(Snapshot);
        try
        {
            // The whole pod, even the spec the webhook skips when nothing selects the pod: someone applying a
            // file wants to hear that it is not a pod the webhook can read.
            var request = new AdmissionRequest();
            AdmissionReviewReader.Read(Review, request);
            AdmissionReviewReader.ReadSpec(Review, request, SpecNeeds.All);
            return new AdmissionEngine(holder).Review(Review, response);
        }
        catch (AdmissionReviewFormatException error)
        {
            throw PodFile.NotReadable(error);
        }
    }
}
