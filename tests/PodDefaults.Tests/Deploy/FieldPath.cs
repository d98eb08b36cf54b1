using System.Globalization;

namespace PodDefaults.Tests.Deploy;

/// <summary>Paths in the API server's notation (<c>spec.env[0].name</c>), as its error messages print them.</summary>
internal static class FieldPath
{
    public static string Member(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>A JSON Pointer into <paramref name="instance"/> (RFC 6901) in the API server's notation.</summary>
    public static string FromJsonPointer(string pointer, JsonNode? instance)
    {
        var path = "";
        var node = instance;
        foreach (var segment in pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            if (node is JsonArray array)
            {
                var index = int.Parse(segment, CultureInfo.InvariantCulture);
                path = Item(path, index);
                node = array[index];
            }
            else
            {
                path = Member(path, segment);
                node = node?[segment];
            }
        }
        return path;
    }
}
