using PodDefaults.Core.Pods;
using PodDefaults.Core.Json;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads <c>spec</c> of a pod: the containers and the pod-level lists and maps the merge touches.</summary>
internal static class PodSpecReader
{
    public static void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, PodShape pod)
    {
        pod.HasSpec = IsObject(ref reader, "request.object.spec");
        if (!pod.HasSpec)
            return;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("containers"u8))
            {
                Once(ref seen, 1, "request.object.spec.containers");
                ReadValue(ref reader);
                ReadContainers(ref reader, body, pod);
            }
            else if (reader.ValueTextEquals("initContainers"u8))
            {
                Once(ref seen, 2, "request.object.spec.initContainers");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, pod.InitContainers, "name"u8, "request.object.spec.initContainers");
            }
            else if (reader.ValueTextEquals("volumes"u8))
            {
                Once(ref seen, 4, "request.object.spec.volumes");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, pod.Volumes, "name"u8, "request.object.spec.volumes");
            }
            else if (reader.ValueTextEquals("tolerations"u8))
            {
                Once(ref seen, 8, "request.object.spec.tolerations");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, pod.Tolerations, default, "request.object.spec.tolerations");
            }
            else if (reader.ValueTextEquals("imagePullSecrets"u8))
            {
                Once(ref seen, 16, "request.object.spec.imagePullSecrets");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, pod.ImagePullSecrets, "name"u8, "request.object.spec.imagePullSecrets");
            }
            else if (reader.ValueTextEquals("nodeSelector"u8))
            {
                Once(ref seen, 32, "request.object.spec.nodeSelector");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, pod.NodeSelector, "request.object.spec.nodeSelector");
            }
            else if (reader.ValueTextEquals("securityContext"u8))
            {
                Once(ref seen, 64, "request.object.spec.securityContext");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, pod.SecurityContext, "request.object.spec.securityContext");
            }
            else if (reader.ValueTextEquals("affinity"u8))
            {
                Once(ref seen, 128, "request.object.spec.affinity");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, pod.Affinity, "request.object.spec.affinity");
            }
            else if (reader.ValueTextEquals("serviceAccountName"u8))
            {
                Once(ref seen, 256, "request.object.spec.serviceAccountName");
                ReadValue(ref reader);
                pod.ServiceAccountName = reader.TokenType == JsonTokenType.Null ? JsonRange.None : Range(ref reader);
            }
            else if (reader.ValueTextEquals("automountServiceAccountToken"u8))
            {
                Once(ref seen, 512, "request.object.spec.automountServiceAccountToken");
                ReadValue(ref reader);
                pod.AutomountServiceAccountToken = reader.TokenType == JsonTokenType.Null ? JsonRange.None : Range(ref reader);
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadContainers(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, PodShape pod)
    {
        pod.HasContainers = pod.ContainerItems.Present = IsArray(ref reader, "request.object.spec.containers");
        if (!pod.HasContainers)
            return;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException($"request.object.spec.containers: expected a list of objects, found {Describe(reader.TokenType)}");
            var start = (int)reader.TokenStartIndex;
            var container = pod.AddContainer();
            ContainerReader.Read(ref reader, body, container);
            pod.ContainerItems.Add(new JsonEntry(container.Name, new JsonRange(start, (int)reader.BytesConsumed - start)));
        }
    }
}
