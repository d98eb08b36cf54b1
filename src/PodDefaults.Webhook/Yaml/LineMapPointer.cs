using System.Globalization;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Builds and walks the JSON Pointers (RFC 6901) that key a <see cref="YamlLineMap"/>: <c>""</c> is the root,
/// <c>/spec/env/1</c> the second item of a member.
/// </summary>
internal static class LineMapPointer
{
    public const string Root = "";

    public static string Append(string pointer, string memberName) =>
        pointer + "/" + memberName.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pointer one level up; the root is its own parent.</summary>
    public static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? Root : pointer[..slash];
    }
}
