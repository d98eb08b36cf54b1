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
            if (AtMember(ref reader, "name"u8, ref seen, 1, "request.object.spec.containers[].name"))
                container.Name = String(ref reader, "request.object.spec.containers[].name");
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
                SkipMember(ref reader);
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
            if (AtMember(ref reader, "limits"u8, ref seen, 1, "request.object.spec.containers[].resources.limits"))
                ShapeReading.ReadMap(ref reader, body, container.LimitsRead, "request.object.spec.containers[].resources.limits");
            else if (AtMember(ref reader, "requests"u8, ref seen, 2, "request.object.spec.containers[].resources.requests"))
                ShapeReading.ReadMap(ref reader, body, container.RequestsRead, "request.object.spec.containers[].resources.requests");
            else
                SkipMember(ref reader);
        }
    }
}
