using PodDefaults.Core.Pods;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads one container of <c>spec.containers</c>.</summary>
internal static class ContainerReader
{
    public static void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, ContainerShape container)
    {
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "name"u8, ref seen, 1, "request.object.spec.containers[].name"))
                container.Name = String(ref reader, "request.object.spec.containers[].name");
            else if (AtMember(ref reader, "env"u8, ref seen, 2, "request.object.spec.containers[].env"))
                ShapeReading.ReadList(ref reader, container.EnvRead, "name"u8, "request.object.spec.containers[].env");
            else if (AtMember(ref reader, "envFrom"u8, ref seen, 4, "request.object.spec.containers[].envFrom"))
                ShapeReading.ReadList(ref reader, container.EnvFromRead, default, "request.object.spec.containers[].envFrom");
            else if (AtMember(ref reader, "volumeMounts"u8, ref seen, 8, "request.object.spec.containers[].volumeMounts"))
                ShapeReading.ReadList(ref reader, container.VolumeMountsRead, "mountPath"u8, "request.object.spec.containers[].volumeMounts");
            else if (AtMember(ref reader, "command"u8, ref seen, 16, "request.object.spec.containers[].command"))
            {
                container.HasCommand = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (AtMember(ref reader, "args"u8, ref seen, 32, "request.object.spec.containers[].args"))
            {
                container.HasArgs = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (AtMember(ref reader, "resources"u8, ref seen, 64, "request.object.spec.containers[].resources"))
                ReadResources(ref reader, body, container);
            else
                SkipMember(ref reader);
        }
    }

    private static void ReadResources(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, ContainerShape container)
    {
        container.HasResources = IsObject(ref reader, "request.object.spec.containers[].resources");
        if (!container.HasResources)
            return;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (AtMember(ref reader, "limits"u8, ref seen, 1, "request.object.spec.containers[].resources.limits"))
                ShapeReading.ReadMap(ref reader, body, container.LimitsRead, "request.object.spec.containers[].resources.limits");
            else if (AtMember(ref reader, "requests"u8, ref seen, 2, "request.object.spec.containers[].resources.requests"))
                ShapeReading.ReadMap(ref reader, body, container.RequestsRead, "request.object.spec.containers[].resources.requests");
            else
                SkipMember(ref reader);
        }
    }
}
