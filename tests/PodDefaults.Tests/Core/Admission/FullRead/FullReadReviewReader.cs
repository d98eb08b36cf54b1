using PodDefaults.Core.Json;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>
/// The reference for the differential test (the engine's reader before it skipped what it does not need): decodes an AdmissionReview (v1 or v1beta1) in one forward pass with <see cref="Utf8JsonReader"/>: the
/// envelope fields, and the shape of <c>request.object</c>. The pod is never deserialized.
/// </summary>
internal static class FullReadReviewReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <exception cref="AdmissionReviewFormatException">The body is not an AdmissionReview; the reason says why.</exception>
    public static void Read(ReadOnlySpan<byte> body, AdmissionRequest request)
    {
        var state = new ReadState();
        try
        {
            Read(body, request, readPod: true, ref state);
        }
        catch (Exception podError) when (state.InObject && IsMalformed(podError))
        {
            // The object did not read as a pod. That is an error only if this is a pod CREATE, which may be
            // known only after the object (member order is free): read again, skipping the object.
            request.Reset();
            state = new ReadState();
            try
            {
                Read(body, request, readPod: false, ref state);
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
        request.ReviewKind = state.Kind;
        request.ReviewApiVersion = state.ApiVersion;
        request.HasRequest = state.HasRequest;
        AdmissionReviewReader.Validate(body, request);
    }

    private static void Read(ReadOnlySpan<byte> body, AdmissionRequest request, bool readPod, ref ReadState state)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("the body is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "apiVersion"u8))
                state.ApiVersion = String(ref reader, "apiVersion");
            else if (AtMember(ref reader, "kind"u8))
                state.Kind = String(ref reader, "kind");
            else if (AtMember(ref reader, "request"u8))
            {
                state.HasRequest = IsObject(ref reader, "request");
                if (state.HasRequest)
                    ReadRequest(ref reader, body, request, readPod, ref state);
            }
            else
                SkipMember(ref reader);
        }
        // Anything after the review (but whitespace) is an error; the reader says so on the next read.
        if (reader.Read())
            throw new JsonException("unexpected content after the AdmissionReview");
    }

    private static void ReadRequest(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, AdmissionRequest request, bool readPod, ref ReadState state)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "uid"u8))
                request.Uid = String(ref reader, "request.uid");
            else if (AtMember(ref reader, "operation"u8))
                request.Operation = String(ref reader, "request.operation");
            else if (AtMember(ref reader, "namespace"u8))
                request.Namespace = String(ref reader, "request.namespace");
            else if (AtMember(ref reader, "name"u8))
                request.Name = String(ref reader, "request.name");
            else if (AtMember(ref reader, "subResource"u8))
                request.SubResource = String(ref reader, "request.subResource");
            else if (AtMember(ref reader, "resource"u8))
                ReadResource(ref reader, request);
            else if (AtMember(ref reader, "object"u8))
            {
                request.HasObject = reader.TokenType != JsonTokenType.Null;
                if (readPod && !request.IsKnownNotPodCreate(body))
                {
                    state.InObject = true;
                    PodShapeReader.Read(ref reader, body, request.Pod);
                    state.InObject = false;
                }
                else
                {
                    reader.Skip();
                }
            }
            else
                SkipMember(ref reader);
        }
    }

    private static void ReadResource(ref Utf8JsonReader reader, AdmissionRequest request)
    {
        if (!IsObject(ref reader, "request.resource"))
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "group"u8))
                request.ResourceGroup = String(ref reader, "request.resource.group");
            else if (AtMember(ref reader, "version"u8))
                request.ResourceVersion = String(ref reader, "request.resource.version");
            else if (AtMember(ref reader, "resource"u8))
                request.Resource = String(ref reader, "request.resource.resource");
            else
                SkipMember(ref reader);
        }
    }

    /// <summary>
    /// What the reader throws for a body it cannot read: <see cref="JsonException"/>, or
    /// <see cref="InvalidOperationException"/> when a member name's escape is no text (a lone surrogate)
    /// and comparing the name fails.
    /// </summary>
    private static bool IsMalformed(Exception error) => error is JsonException or InvalidOperationException;

    private static AdmissionReviewFormatException Format(Exception error) =>
        new($"the body is not a valid AdmissionReview: {error.Message}", error);

    /// <summary>What the reader learns outside <see cref="AdmissionRequest"/>, and where it is.</summary>
    private struct ReadState
    {
        public JsonString ApiVersion = JsonString.None;
        public JsonString Kind = JsonString.None;
        public bool HasRequest;
        public bool InObject;

        public ReadState()
        {
        }
    }
}
