using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Pods;
using static PodDefaults.Tests.Core.Admission.FullRead.JsonReading;

namespace PodDefaults.Tests.Core.Admission.FullRead;

/// <summary>Reads <c>spec</c> of a pod: the containers and the pod's value of each spec field of the field table.</summary>
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
            else if (FieldNamed(ref reader, PodDefaultFields.OfPod.Where(field => field.Target == FieldTarget.Spec)) is { } field)
            {
                var path = $"request.object.spec.{field.PodMember}";
                Once(ref seen, 2 << field.Index, path);
                ReadValue(ref reader);
                ReadField(ref reader, body, field, pod.Field(field), path);
            }
            else
                SkipMember(ref reader);
        }
    }

    /// <summary>The field whose pod member the reader is at, if any.</summary>
    public static PodDefaultField? FieldNamed(ref Utf8JsonReader reader, IEnumerable<PodDefaultField> fields)
    {
        foreach (var field in fields)
        {
            if (reader.ValueTextEquals(Encoding.UTF8.GetBytes(field.PodMember)))
                return field;
        }
        return null;
    }

    /// <summary>The pod's value of a field, as its kind is read (not resources: see <see cref="ContainerReader"/>).</summary>
    public static void ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, PodDefaultField field, JsonEntries into, string path)
    {
        switch (field.Kind)
        {
            case FieldKind.KeyedList:
                ShapeReading.ReadList(ref reader, into, Encoding.UTF8.GetBytes(field.Key!), path);
                break;
            case FieldKind.UnkeyedList:
                ShapeReading.ReadList(ref reader, into, default, path);
                break;
            case FieldKind.StringMap or FieldKind.ObjectMembers:
                ShapeReading.ReadMap(ref reader, body, into, path);
                break;
            case FieldKind.FirstWinsStringList:
                into.Present = reader.TokenType != JsonTokenType.Null;
                reader.Skip();
                break;
            case FieldKind.LastWinsString or FieldKind.LastWinsBoolean:
                into.Present = reader.TokenType != JsonTokenType.Null;
                if (into.Present)
                    into.Add(new JsonEntry(JsonString.None, Range(ref reader)));
                break;
            default:
                throw new InvalidOperationException($"no reference reader for {field.Kind}");
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
