using PodDefaults.Core.Pods;
using System.Text.Json;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads one container of <c>spec.containers</c>.</summary>
internal static class ContainerReader
{
    public static void Read(ref Utf8JsonReader reader, ContainerShape container)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                ReadValue(ref reader);
                container.Name = String(ref reader, "request.object.spec.containers[].name");
            }
            else if (reader.ValueTextEquals("env"u8))
            {
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.Env, "name"u8, "request.object.spec.containers[].env");
            }
            else if (reader.ValueTextEquals("envFrom"u8))
            {
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.EnvFrom, default, "request.object.spec.containers[].envFrom");
            }
            else if (reader.ValueTextEquals("volumeMounts"u8))
            {
                ReadValue(ref reader);
                ShapeReading.ReadList(ref reader, container.VolumeMounts, "mountPath"u8, "request.object.spec.containers[].volumeMounts");
            }
            else if (reader.ValueTextEquals("command"u8))
            {
                ReadValue(ref reader);
                container.HasCommand = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("args"u8))
            {
                ReadValue(ref reader);
                container.HasArgs = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                ReadValue(ref reader);
                ReadResources(ref reader, container);
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadResources(ref Utf8JsonReader reader, ContainerShape container)
    {
        container.HasResources = IsObject(ref reader, "request.object.spec.containers[].resources");
        if (!container.HasResources)
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("limits"u8))
            {
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, container.Limits, "request.object.spec.containers[].resources.limits");
            }
            else if (reader.ValueTextEquals("requests"u8))
            {
                ReadValue(ref reader);
                ShapeReading.ReadMap(ref reader, container.Requests, "request.object.spec.containers[].resources.requests");
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }
}
