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
            if (reader.ValueTextEquals("metadata"u8))
            {
                Once(ref seen, 1, "request.object.metadata");
                ReadValue(ref reader);
                ReadMetadata(ref reader, body, pod);
            }
            else if (reader.ValueTextEquals("spec"u8))
            {
                Once(ref seen, 2, "request.object.spec");
                ReadValue(ref reader);
                PodSpecReader.Read(ref reader, body, pod);
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
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
            if (reader.ValueTextEquals("name"u8))
            {
                Once(ref seen, 1, "request.object.metadata.name");
                ReadValue(ref reader);
                pod.Name = String(ref reader, "request.object.metadata.name");
            }
            else if (reader.ValueTextEquals("generateName"u8))
            {
                Once(ref seen, 2, "request.object.metadata.generateName");
                ReadValue(ref reader);
                pod.GenerateName = String(ref reader, "request.object.metadata.generateName");
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                Once(ref seen, 4, "request.object.metadata.namespace");
                ReadValue(ref reader);
                pod.Namespace = String(ref reader, "request.object.metadata.namespace");
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                Once(ref seen, 8, "request.object.metadata.labels");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, pod.Labels, "request.object.metadata.labels");
            }
            else if (reader.ValueTextEquals("annotations"u8))
            {
                Once(ref seen, 16, "request.object.metadata.annotations");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, pod.Annotations, "request.object.metadata.annotations");
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }
}
