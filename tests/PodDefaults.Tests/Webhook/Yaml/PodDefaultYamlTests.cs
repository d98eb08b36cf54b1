using System.Collections;
using PodDefaults.Tests.Conformance;
using PodDefaults.Webhook.Yaml;
using YamlDotNet.Serialization;

namespace PodDefaults.Tests.Webhook.Yaml;

/// <summary>Real PodDefault files convert to the JSON a reference YAML loader gives.</summary>
public class PodDefaultYamlTests
{
    [Fact]
    public void A_poddefault_converts_to_the_expected_json()
    {
        // The security-poddefault of conformance case 06, as an admin would write it in a file.
        var json = YamlJson.Single(
            """
            # Unprivileged user, DB password from a secret.
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefault
            metadata:
              name: security-poddefault
              namespace: kubeflow-user-example-com
              resourceVersion: "1003"
            spec:
              desc: Run as an unprivileged user and read the DB password from a secret
              selector:
                matchLabels:
                  app-security: ml-app
              securityContext:
                runAsUser: 1000
                runAsGroup: 3000
                fsGroup: 2000
              env:
                - name: DB_PASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: db-secret
                      key: password
              automountServiceAccountToken: false
              tolerations: []
            """);

        Assert.Equal(
            "{\"apiVersion\":\"kubeflow.org/v1alpha1\",\"kind\":\"PodDefault\","
            + "\"metadata\":{\"name\":\"security-poddefault\",\"namespace\":\"kubeflow-user-example-com\",\"resourceVersion\":\"1003\"},"
            + "\"spec\":{\"desc\":\"Run as an unprivileged user and read the DB password from a secret\","
            + "\"selector\":{\"matchLabels\":{\"app-security\":\"ml-app\"}},"
            + "\"securityContext\":{\"runAsUser\":1000,\"runAsGroup\":3000,\"fsGroup\":2000},"
            + "\"env\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db-secret\",\"key\":\"password\"}}}],"
            + "\"automountServiceAccountToken\":false,\"tolerations\":[]}}",
            json);
    }

    [Theory]
    [MemberData(nameof(ConformanceCases))]
    public void Every_conformance_case_converts_as_the_reference_loader_reads_it(string file)
    {
        var yaml = File.ReadAllText(file);
        var document = Assert.Single(YamlToJson.Convert(yaml));

        var expected = Reference(new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build()
            .Deserialize<object>(yaml));
        var actual = JsonNode.Parse(document.Json);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{file}\nexpected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
        Assert.NotEmpty(actual!["poddefaults"]!.AsArray());
    }

    /// <summary>The conformance cases the test project carries (a clone has no ../shared).</summary>
    public static TheoryData<string> ConformanceCases() =>
        new(ConformanceCase.Files().Select(file => Path.Combine(ConformanceCase.Folder, file)));

    /// <summary>YamlDotNet's reflection-based reading, which is fine in tests, as a JSON tree.</summary>
    private static JsonNode? Reference(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> mapping => new JsonObject(mapping.Select(entry =>
            KeyValuePair.Create(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!, Reference(entry.Value)))),
        IList sequence => new JsonArray(sequence.Cast<object?>().Select(Reference).ToArray()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        ulong number => JsonValue.Create(number),
        _ => JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
