namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// <c>1e-2147483648</c> matches the CRD's quantity pattern, so any tenant can write it; the exponent parser used to
/// throw on it (<c>Math.Abs(int.MinValue)</c>), which made every pod it touched a 500. Now every such quantity is a
/// value, and one Kubernetes itself refuses is a format error or a conflict, never an exception.
/// </summary>
public sealed class ExtremeQuantityTests
{
    private static string PodDefault(string cpu) => """
        {"metadata":{"name":"cpu","namespace":"ns","resourceVersion":"1"},
         "spec":{"selector":{"matchLabels":{"app":"web"}},"resources":{"limits":{"cpu":"CPU"}}}}
        """.Replace("CPU", cpu, StringComparison.Ordinal);

    private static string Pod(string? cpu) => (cpu is null
        ? """{"metadata":{"name":"p","namespace":"ns","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"i"}]}}"""
        : """{"metadata":{"name":"p","namespace":"ns","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{"cpu":"CPU"}}}]}}""")
        .Replace("CPU", cpu, StringComparison.Ordinal);

    [Theory]
    [InlineData("1e-2147483648")]
    [InlineData("1e2147483647")]
    public void A_PodDefault_with_an_extreme_exponent_parses(string cpu) =>
        Assert.Equal(cpu, EngineHarness.Parse(PodDefault(cpu)).Spec.Limits[0].Item.Value.GetString());

    [Theory]
    [InlineData("1e2147483648")]
    [InlineData("1e1.5")]
    public void A_PodDefault_with_a_quantity_Kubernetes_refuses_is_a_format_error_naming_it(string cpu)
    {
        var error = Assert.Throws<PodDefaultFormatException>(() => EngineHarness.Parse(PodDefault(cpu)));
        Assert.Equal("/spec/resources/limits/cpu", error.Pointer);
    }

    [Fact]
    public void A_pod_carrying_the_extreme_exponent_gets_a_conflict_not_a_500()
    {
        var response = new EngineHarness(PodDefault("1")).Create(Pod("1e-2147483648"));
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(400, (int)response["status"]!["code"]!);
        Assert.Contains("resources.limits", (string)response["status"]!["message"]!);
    }

    [Fact]
    public void Equal_extreme_quantities_on_both_sides_are_no_conflict()
    {
        var response = new EngineHarness(PodDefault("1e-2147483647")).Create(Pod("10e-2147483648"));
        Assert.True((bool)response["allowed"]!);
    }

    [Fact]
    public void A_PodDefault_with_the_extreme_exponent_sets_it_on_a_pod_without_one()
    {
        var response = new EngineHarness(PodDefault("1e-2147483648")).Create(Pod(null));
        Assert.True((bool)response["allowed"]!);
        Assert.Contains("1e-2147483648", EngineHarness.PatchOf(response));
    }

    [Fact]
    public void A_pod_carrying_a_quantity_Kubernetes_refuses_gets_a_conflict_not_a_500()
    {
        var response = new EngineHarness(PodDefault("1")).Create(Pod("1e99999999999"));
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(400, (int)response["status"]!["code"]!);
    }
}
