using PodDefaults.Webhook.Cli;

namespace PodDefaults.Tests.Webhook.Cli;

/// <summary>The request limits of <c>poddefaults serve</c>: their defaults, their flags, and a clear error for a bad value.</summary>
public sealed class ServeLimitFlagsTests
{
    [Fact]
    public void The_defaults_admit_the_largest_review_and_bound_the_rest()
    {
        var options = ServeCommand.Parse([]);

        Assert.Equal(19 * 1024 * 1024, options.MaxRequestBytes);
        Assert.Equal(64L * 1024 * 1024, options.BodyBufferBudget);
        Assert.Equal(TimeSpan.FromSeconds(3), options.BodyReadTimeout);
    }

    [Fact]
    public void The_help_shows_the_arithmetic_of_the_cap() =>
        Assert.Contains("6 x 3 = 18 MiB", CliWorkspace.Run("serve", "--help").Stdout, StringComparison.Ordinal);

    [Fact]
    public void The_flags_set_the_limits()
    {
        var options = ServeCommand.Parse(["--max-request-bytes", "1000000", "--max-body-buffer-bytes", "3000000", "--body-read-timeout", "1.5"]);

        Assert.Equal(1_000_000, options.MaxRequestBytes);
        Assert.Equal(3_000_000, options.MaxBodyBufferBytes);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.BodyReadTimeout);
    }

    [Fact]
    public void A_larger_cap_raises_the_default_budget_to_twice_the_cap() =>
        Assert.Equal(2L * 50_000_000, ServeCommand.Parse(["--max-request-bytes", "50000000"]).BodyBufferBudget);

    [Theory]
    [InlineData("--body-read-timeout", "0", "is not a number of seconds above 0, at most 30")]
    [InlineData("--body-read-timeout", "31", "is not a number of seconds above 0, at most 30")]
    [InlineData("--body-read-timeout", "soon", "is not a number of seconds above 0, at most 30")]
    [InlineData("--max-body-buffer-bytes", "-1", "is not a positive number")]
    [InlineData("--max-body-buffer-bytes", "1000", "is less than twice --max-request-bytes")]
    public void A_bad_value_is_named(string flag, string value, string reason)
    {
        var error = Assert.Throws<CliException>(() => ServeCommand.Parse([flag, value]));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
