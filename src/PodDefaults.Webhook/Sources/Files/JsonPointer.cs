using System.Globalization;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>Builds and walks JSON Pointers (RFC 6901): <c>""</c> is the root, <c>/spec/env/1</c> a member's item.</summary>
internal static class JsonPointer
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
