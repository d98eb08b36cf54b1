namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// Whatever the body holds, the engine answers or throws <see cref="AdmissionReviewFormatException"/> (a 400):
/// any other exception would reach the client as a 5xx (docs/semantics.md §2).
/// </summary>
public sealed class EngineBadInputTests
{
    private static readonly EngineHarness Harness = new(
        """{"metadata":{"name":"pd","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{"matchLabels":{"app":"web"}},"env":[{"name":"A","value":"1"}]}}""",
        """{"metadata":{"name":"all","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{},"annotations":{"k":"v"},"env":[{"name":"A","value":"2"}]}}""");

    private const string Template = """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
         "request":{"uid":"UID","operation":"CREATE","namespace":"NS","resource":{"group":"","version":"v1","resource":"pods"},
                    "object":{"metadata":{"name":"NAME","namespace":"NS","labels":{"LABEL":"VALUE"},"annotations":{"kubernetes.io/limit-ranger":"LR"}},
                              "spec":{"containers":[{"name":"CONTAINER","env":[{"name":"A","value":"ENVTEXT","MEMBER":1}]}]}}}}
        """;

    public static TheoryData<string, string> Substitutions() => new()
    {
        { "UID", "\\ud800" },
        { "UID", "\\udc00x" },
        { "NS", "\\ud800" },
        { "NAME", "\\ud800" },
        { "LABEL", "\\ud800" },
        { "VALUE", "\\ud800" },
        { "LR", "\\ud800" },
        { "CONTAINER", "\\ud800" },
        { "ENVTEXT", "\\ud800" }, // compared with the PodDefaults' env A
        { "MEMBER", "\\udfff" },
    };

    [Theory]
    [MemberData(nameof(Substitutions))]
    public void A_lone_surrogate_escape_is_a_format_error_or_answered(string placeholder, string escaped)
    {
        var body = Encoding.UTF8.GetBytes(Body(placeholder, escaped));
        AnswersOrRejects(body);
    }

    [Theory]
    [InlineData("UID")]
    [InlineData("NS")]
    [InlineData("NAME")]
    [InlineData("LABEL")]
    [InlineData("VALUE")]
    [InlineData("LR")]
    [InlineData("CONTAINER")]
    [InlineData("ENVTEXT")]
    [InlineData("MEMBER")]
    public void Invalid_UTF8_in_a_string_is_a_format_error_or_answered(string placeholder)
    {
        var body = Encoding.UTF8.GetBytes(Body(placeholder, "\u0001BAD\u0001"));
        // Replace the marker bytes by bytes that are not UTF-8 at all.
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 1)
                body[i] = 0xFF;
        }
        AnswersOrRejects(body);
    }

    [Theory]
    [InlineData("{\"apiVersion\"", "{\"\\ud800\":1,\"apiVersion\"")]
    [InlineData("\"request\":{", "\"request\":{\"\\ud800\":1,")]
    [InlineData("\"metadata\":{", "\"metadata\":{\"\\ud800\":1,")]
    [InlineData("\"spec\":{", "\"spec\":{\"\\ud800\":1,")]
    [InlineData("\"labels\":{", "\"labels\":{\"\\ud800\":\"x\",")]
    [InlineData("{\"name\":\"A\"", "{\"\\udc00\":1,\"name\":\"A\"")]
    public void A_member_name_whose_escape_is_no_text_is_a_format_error_or_answered(string at, string replacement)
    {
        var body = Body("", "");
        Assert.Contains(at, body, StringComparison.Ordinal);
        AnswersOrRejects(Encoding.UTF8.GetBytes(body.Replace(at, replacement, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"name":"A","value":"3","MEMBER":1}""")] // the conflict message describes this env var
    [InlineData("""{"name":"A","value":"1","MEMBER":1}""")] // satisfied
    public void Deeply_nested_pod_items_are_answered_or_rejected(string env)
    {
        // Deeper than JsonDocument's default limit of 64, within the reader's 256.
        var deep = new string('[', 100) + new string(']', 100);
        var body = Body("", "").Replace("""{"name":"A","value":"3","extra":1}""", env.Replace("1}", deep + "}", StringComparison.Ordinal).Replace("MEMBER", "extra", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(deep, body, StringComparison.Ordinal);
        AnswersOrRejects(Encoding.UTF8.GetBytes(body));
    }

    private static string Body(string placeholder, string replacement)
    {
        var text = Template;
        foreach (var (name, value) in new[] { ("UID", "u-1"), ("NS", "ns"), ("NAME", "p"), ("LABEL", "app"), ("VALUE", "web"), ("LR", "LimitRanger plugin set: cpu request for container c"), ("CONTAINER", "c"), ("ENVTEXT", "3"), ("MEMBER", "extra") })
            text = text.Replace(name, name == placeholder ? replacement : value, StringComparison.Ordinal);
        return text;
    }

    private static void AnswersOrRejects(byte[] body)
    {
        using var output = new PooledBufferWriter();
        try
        {
            using (Harness.Engine.Review(body, output))
            {
            }
        }
        catch (AdmissionReviewFormatException)
        {
            return;
        }
        // An answer must be valid JSON.
        using var _ = System.Text.Json.JsonDocument.Parse(output.WrittenMemory);
    }
}
