using System.Text;

namespace PodDefaults.Webhook.Json;

/// <summary>Splits a JSON Pointer (RFC 6901) into its reference tokens, unescaping <c>~1</c> to <c>/</c> and <c>~0</c> to <c>~</c>.</summary>
internal static class JsonPointerTokens
{
    /// <param name="index">The patch operation, for the message.</param>
    /// <exception cref="JsonPatchException">Not a JSON Pointer.</exception>
    public static IReadOnlyList<string> Parse(string pointer, int index)
    {
        if (pointer.Length == 0)
            return [];
        if (pointer[0] != '/')
            throw new JsonPatchException($"operation {index}: path \"{pointer}\" does not start with /");
        return pointer[1..].Split('/').Select(token => Unescape(token, pointer, index)).ToArray();
    }

    private static string Unescape(string token, string pointer, int index)
    {
        if (!token.Contains('~'))
            return token;
        var text = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                text.Append(token[i]);
                continue;
            }
            // Each escape is decoded once, so "~01" is "~1", not "/".
            text.Append(i + 1 < token.Length ? token[++i] switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw Invalid(pointer, index),
            } : throw Invalid(pointer, index));
        }
        return text.ToString();
    }

    private static JsonPatchException Invalid(string pointer, int index) =>
        new($"operation {index}: path \"{pointer}\" has a ~ that is not ~0 or ~1");
}
