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
            if (reader.ValueTextEquals("name"u8))
            {
                Once(ref seen, 1, "request.object.spec.containers[].name");
                ReadValue(ref reader);
                container.Name = String(ref reader, "request.object.spec.containers[].name");
            }
            else if (reader.ValueTextEquals("env"u8))
            {
                Once(ref seen, 2, "request.object.spec.containers[].env");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.EnvRead, "name"u8, "request.object.spec.containers[].env");
            }
            else if (reader.ValueTextEquals("envFrom"u8))
            {
                Once(ref seen, 4, "request.object.spec.containers[].envFrom");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.EnvFromRead, default, "request.object.spec.containers[].envFrom");
            }
            else if (reader.ValueTextEquals("volumeMounts"u8))
            {
                Once(ref seen, 8, "request.object.spec.containers[].volumeMounts");
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.VolumeMountsRead, "mountPath"u8, "request.object.spec.containers[].volumeMounts");
            }
            else if (reader.ValueTextEquals("command"u8))
            {
                Once(ref seen, 16, "request.object.spec.containers[].command");
                ReadValue(ref reader);
                container.HasCommand = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("args"u8))
            {
                Once(ref seen, 32, "request.object.spec.containers[].args");
                ReadValue(ref reader);
                container.HasArgs = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                Once(ref seen, 64, "request.object.spec.containers[].resources");
                ReadValue(ref reader);
                ReadResources(ref reader, body, container);
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
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
            if (reader.ValueTextEquals("limits"u8))
            {
                Once(ref seen, 1, "request.object.spec.containers[].resources.limits");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, container.LimitsRead, "request.object.spec.containers[].resources.limits");
            }
            else if (reader.ValueTextEquals("requests"u8))
            {
                Once(ref seen, 2, "request.object.spec.containers[].resources.requests");
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, body, container.RequestsRead, "request.object.spec.containers[].resources.requests");
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }
}
