using System.Text.Json;
using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Decodes an AdmissionReview (v1 or v1beta1) in two steps, reading only what the decision needs
/// (docs/semantics.md §2): <see cref="Read(ReadOnlySpan{byte}, AdmissionRequest)"/> takes the envelope and the pod's metadata and keeps the
/// spec's place; <see cref="ReadSpec"/> reads of the spec what the PodDefaults being applied touch. When the
/// pod has a <see cref="PodShape.Planner"/> and its metadata comes first, the spec is read in the first pass
/// instead. All else is skipped by <see cref="JsonScanner"/>, which still rejects broken structure anywhere
/// in the body.
/// </summary>
public static class AdmissionReviewReader
{
    /// <exception cref="AdmissionReviewFormatException">The body is not an AdmissionReview; the reason says why.</exception>
    public static void Read(ReadOnlySpan<byte> body, AdmissionRequest request)
    {
        try
        {
            JsonScanner.CheckUtf8(body);
            Read(body, request, readPod: true);
        }
        catch (Exception podError) when (request.InObject && IsMalformed(podError))
        {
            // The object did not read as a pod. That is an error only if this is a pod CREATE, which may be
            // known only after the object (member order is free): read again, skipping the object.
            request.Reset();
            try
            {
                Read(body, request, readPod: false);
            }
            catch (Exception envelopeError) when (IsMalformed(envelopeError))
            {
                throw Format(envelopeError);
            }
            if (request.IsPodCreate(body))
                throw Format(podError);
        }
        catch (Exception error) when (IsMalformed(error))
        {
            throw Format(error);
        }
        Validate(body, request);
    }

    /// <summary>Reads the members of the pod's spec that <paramref name="needs"/> asks for, unless the first pass did.</summary>
    /// <exception cref="AdmissionReviewFormatException">They are malformed.</exception>
    public static void ReadSpec(ReadOnlySpan<byte> body, AdmissionRequest request, SpecNeeds needs)
    {
        var pod = request.Pod;
        if (!pod.SpecRange.IsPresent || pod.SpecRead || needs == SpecNeeds.None)
            return;
        var cursor = new JsonCursor(body, pod.SpecRange.Start, pod.SpecDepth) { Needs = (uint)needs };
        try
        {
            cursor.BeginObject(SpecTable.Path);
            ObjectReader.Read(ref cursor, SpecTable, pod);
        }
        catch (Exception error) when (IsMalformed(error))
        {
            throw Format(error);
        }
    }

    private static readonly MemberTable<PodShape> SpecTable = PodTables.Spec("request.object.spec");

    private static void Read(ReadOnlySpan<byte> body, AdmissionRequest request, bool readPod)
    {
        request.ReadsPod = readPod;
        var cursor = new JsonCursor(body);
        if (cursor.AtEnd())
            throw new JsonException("the body is empty");
        if (cursor.Peek() != (byte)'{')
            throw new JsonException("the body is not a JSON object");
        cursor.BeginObject("");
        ObjectReader.Read(ref cursor, ReviewTables.Review, request);
        // Anything after the review but whitespace is an error.
        if (!cursor.AtEnd())
            throw new JsonException("unexpected content after the AdmissionReview");
    }

    /// <summary>The envelope's own checks, once it is read (the tests' full-read reference makes the same ones).</summary>
    internal static void Validate(ReadOnlySpan<byte> body, AdmissionRequest request)
    {
        var kind = request.ReviewKind;
        var apiVersion = request.ReviewApiVersion;
        if (kind.IsPresent && !kind.TextEquals(body, "AdmissionReview"u8))
            throw new AdmissionReviewFormatException($"kind is \"{kind.ToString(body)}\", not AdmissionReview");
        if (apiVersion.TextEquals(body, AdmissionApiVersions.V1))
            request.ApiVersion = AdmissionApiVersion.V1;
        else if (apiVersion.TextEquals(body, AdmissionApiVersions.V1Beta1))
            request.ApiVersion = AdmissionApiVersion.V1Beta1;
        else if (apiVersion.IsPresent)
            throw new AdmissionReviewFormatException($"unknown apiVersion \"{apiVersion.ToString(body)}\" (want admission.k8s.io/v1 or admission.k8s.io/v1beta1)");
        else
            throw new AdmissionReviewFormatException("apiVersion is missing");
        if (!request.HasRequest)
            throw new AdmissionReviewFormatException("request is missing");
        if (!request.Uid.IsPresent || request.Uid.Length == 0)
            throw new AdmissionReviewFormatException("request.uid is missing");
        if (request.IsPodCreate(body) && !request.HasObject)
            throw new AdmissionReviewFormatException("request.object is missing for a pod CREATE");
    }

    /// <summary>
    /// What reading throws for a body it cannot read: <see cref="JsonException"/>, or
    /// <see cref="InvalidOperationException"/> when a member name's escape is no text (a lone surrogate)
    /// and comparing the name fails.
    /// </summary>
    private static bool IsMalformed(Exception error) => error is JsonException or InvalidOperationException;

    private static AdmissionReviewFormatException Format(Exception error) =>
        new($"the body is not a valid AdmissionReview: {error.Message}", error);
}
