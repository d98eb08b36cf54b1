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
            if (AtMember(ref reader, "containers"u8, ref seen, 1, "request.object.spec.containers"))
                ReadContainers(ref reader, body, pod);
            else if (AtMember(ref reader, "initContainers"u8, ref seen, 2, "request.object.spec.initContainers"))
                ShapeReading.ReadList(ref reader, pod.InitContainers, "name"u8, "request.object.spec.initContainers");
            else if (AtMember(ref reader, "volumes"u8, ref seen, 4, "request.object.spec.volumes"))
                ShapeReading.ReadList(ref reader, pod.Volumes, "name"u8, "request.object.spec.volumes");
            else if (AtMember(ref reader, "tolerations"u8, ref seen, 8, "request.object.spec.tolerations"))
                ShapeReading.ReadList(ref reader, pod.Tolerations, default, "request.object.spec.tolerations");
            else if (AtMember(ref reader, "imagePullSecrets"u8, ref seen, 16, "request.object.spec.imagePullSecrets"))
                ShapeReading.ReadList(ref reader, pod.ImagePullSecrets, "name"u8, "request.object.spec.imagePullSecrets");
            else if (AtMember(ref reader, "nodeSelector"u8, ref seen, 32, "request.object.spec.nodeSelector"))
                ShapeReading.ReadMap(ref reader, body, pod.NodeSelector, "request.object.spec.nodeSelector");
            else if (AtMember(ref reader, "securityContext"u8, ref seen, 64, "request.object.spec.securityContext"))
                ShapeReading.ReadMap(ref reader, body, pod.SecurityContext, "request.object.spec.securityContext");
            else if (AtMember(ref reader, "affinity"u8, ref seen, 128, "request.object.spec.affinity"))
                ShapeReading.ReadMap(ref reader, body, pod.Affinity, "request.object.spec.affinity");
            else if (AtMember(ref reader, "serviceAccountName"u8, ref seen, 256, "request.object.spec.serviceAccountName"))
                pod.ServiceAccountName = reader.TokenType == JsonTokenType.Null ? JsonRange.None : Range(ref reader);
            else if (AtMember(ref reader, "automountServiceAccountToken"u8, ref seen, 512, "request.object.spec.automountServiceAccountToken"))
                pod.AutomountServiceAccountToken = reader.TokenType == JsonTokenType.Null ? JsonRange.None : Range(ref reader);
            else
                SkipMember(ref reader);
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
