using System.Buffers;
using System.CommandLine;
using PodDefaults.Core.Admission;
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
        var podPath = parsed.GetRequiredValue(flags.Filename);
        var defaultsPath = parsed.GetRequiredValue(flags.Defaults);
        var flagNamespace = parsed.GetValue(flags.Namespace);
        if (flagNamespace is { Length: 0 })
            throw new CliException("-n needs a namespace name");

        var pod = PodFile.Read(podPath, stdin);
        var @namespace = PodNamespace.Settle(pod, flagNamespace);
        var snapshot = DefaultsLoader.Load(defaultsPath, flagNamespace ?? PodNamespace.Default, stderr);
        return new OfflineAdmission(pod, @namespace, snapshot);
    }

    /// <summary>The engine's decision, its response AdmissionReview written to <paramref name="response"/>.</summary>
    /// <returns>The admission; the caller disposes it.</returns>
    /// <exception cref="CliException">The engine cannot read the pod.</exception>
    public Admission Decide(IBufferWriter<byte> response)
    {
        var holder = new SnapshotHolder();
        holder.Publish(Snapshot);
        try
        {
            return new AdmissionEngine(holder).Review(Review, response);
        }
        catch (AdmissionReviewFormatException error)
        {
            throw PodFile.NotReadable(error);
        }
    }
}
