using System.Text.Json;
using PodDefaults.Core.Fields;
using PodDefaults.Core.Pods;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads one container of <c>spec.containers</c>: its name and its value of each per-container field.</summary>
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
            else if (PodSpecReader.FieldNamed(ref reader, PodDefaultFields.OfContainer) is { } field)
            {
                var path = $"request.object.spec.containers[].{field.PodMember}";
                Once(ref seen, 2 << field.Index, path);
                ReadValue(ref reader);
                if (field.Kind == FieldKind.Resources)
                    ReadResources(ref reader, body, container, field);
                else
                    PodSpecReader.ReadField(ref reader, body, field, container.FieldRead(field), path);
            }
            else
            {
                ReadValue(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadResources(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, ContainerShape container, PodDefaultField field)
    {
        container.FieldRead(field).Present = IsObject(ref reader, "request.object.spec.containers[].resources");
        if (!container.FieldRead(field).Present)
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
