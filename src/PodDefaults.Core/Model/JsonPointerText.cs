namespace PodDefaults.Core.Model;

/// <summary>RFC 6901 escaping for pointers shown in error messages.</summary>
internal static class JsonPointerText
{
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
