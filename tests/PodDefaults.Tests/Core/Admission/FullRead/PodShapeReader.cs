using PodDefaults.Core.Pods;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>
/// Reads a pod in one forward pass, recording where the parts the merge needs are and skipping the rest.
/// </summary>
/// <remarks>
/// Malformed input throws <see cref="JsonException"/> naming the member. Paths in messages are literals:
/// building them per call would allocate on every admission.
/// </remarks>
internal static class PodShapeReader
{
    /// <summary>Reads the pod object the reader is on (its <c>{</c>) into <paramref name="pod"/>.</summary>
    public static void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, PodShape pod)
    {
        if (!IsObject(ref reader, "request.object"))
            return;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "metadata"u8, ref seen, 1, "request.object.metadata"))
                ReadMetadata(ref reader, body, pod);
            else if (AtMember(ref reader, "spec"u8, ref seen, 2, "request.object.spec"))
                PodSpecReader.Read(ref reader, body, pod);
            else
                SkipMember(ref reader);
        }
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, PodShape pod)
    {
        pod.HasMetadata = IsObject(ref reader, "request.object.metadata");
        if (!pod.HasMetadata)
            return;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "name"u8, ref seen, 1, "request.object.metadata.name"))
                pod.Name = String(ref reader, "request.object.metadata.name");
            else if (AtMember(ref reader, "generateName"u8, ref seen, 2, "request.object.metadata.generateName"))
                pod.GenerateName = String(ref reader, "request.object.metadata.generateName");
            else if (AtMember(ref reader, "namespace"u8, ref seen, 4, "request.object.metadata.namespace"))
                pod.Namespace = String(ref reader, "request.object.metadata.namespace");
            else if (AtMember(ref reader, "labels"u8, ref seen, 8, "request.object.metadata.labels"))
                ShapeReading.ReadMap(ref reader, body, pod.Labels, "request.object.metadata.labels");
            else if (AtMember(ref reader, "annotations"u8, ref seen, 16, "request.object.metadata.annotations"))
                ShapeReading.ReadMap(ref reader, body, pod.Annotations, "request.object.metadata.annotations");
            else
                SkipMember(ref reader);
        }
    }
}
