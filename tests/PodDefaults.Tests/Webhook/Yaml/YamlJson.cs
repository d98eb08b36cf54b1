using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Shortcuts for the YAML → JSON tests.</summary>
internal static class YamlJson
{
    /// <summary>The JSON text of the only document of <paramref name="yaml"/>.</summary>
    public static string Single(string yaml) => Encoding.UTF8.GetString(Assert.Single(YamlToJson.Convert(yaml)).Json);

    /// <summary>The JSON text of member <c>v</c> after converting <c>v: VALUE</c>.</summary>
    public static string ValueOf(string yamlValue)
    {
        using var json = JsonDocument.Parse(Single("v: " + yamlValue));
        return json.RootElement.GetProperty("v").GetRawText();
    }

    public static YamlToJsonException Error(string yaml) =>
        Assert.Throws<YamlToJsonException>(() => YamlToJson.Convert(yaml));

    public static void AssertJsonEqual(string expected, string actual)
    {
        using var expectedJson = JsonDocument.Parse(expected);
        using var actualJson = JsonDocument.Parse(actual);
        Assert.True(
            JsonElement.DeepEquals(expectedJson.RootElement, actualJson.RootElement),
            $"expected {expected}\nactual   {actual}");
    }
}
