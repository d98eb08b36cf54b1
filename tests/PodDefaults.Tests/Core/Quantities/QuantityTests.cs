using System.Text;
using PodDefaults.Core.Quantities;
using Xunit;

namespace PodDefaults.Tests.Core.Quantities;

public sealed class QuantityTests
{
    private static Quantity Q(string text)
    {
        Assert.True(Quantity.TryParse(text, out var quantity), $"\"{text}\" should parse");
        // The UTF-8 entry point (the one the merge uses) must agree with the char one.
        Assert.True(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(quantity, fromUtf8);
        return quantity;
    }

    [Theory]
    [InlineData("1", "1000m")]
    [InlineData("2Gi", "2048Mi")]
    [InlineData("0.5", "500m")]
    [InlineData("1e3", "1k")]
    [InlineData("1Ki", "1024")]
    [InlineData("1E3", "1000")]
    [InlineData("1M", "1000k")]
    [InlineData("1Mi", "1048576")]
    [InlineData("1Ei", "1024Pi")]
    [InlineData("1m", "1000000n")]
    [InlineData("1u", "1000n")]
    [InlineData("+1", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("1.", "1")] // Kubernetes' grammar allows "<digits>."
    [InlineData("100Mi", "104857600")]
    [InlineData("1e-3", "1m")]
    public void Equal_values_in_other_spellings_are_equal(string a, string b)
    {
        Assert.Equal(Q(a), Q(b));
        Assert.True(Q(a) == Q(b));
        Assert.Equal(0, Q(a).CompareTo(Q(b)));
        Assert.Equal(Q(a).GetHashCode(), Q(b).GetHashCode());
    }

    [Theory]
    [InlineData("100m", "1")]
    [InlineData("999m", "1")]
    [InlineData("1G", "1Gi")] // 1000^3 < 1024^3
    [InlineData("-1", "0")]
    [InlineData("1023", "1Ki")]
    [InlineData("1n", "1u")]
    [InlineData("1.5Gi", "2Gi")]
    public void Ordering_follows_the_value(string smaller, string larger)
    {
        Assert.True(Q(smaller) < Q(larger));
        Assert.True(Q(larger) > Q(smaller));
        Assert.True(Q(smaller) <= Q(larger));
        Assert.NotEqual(Q(smaller), Q(larger));
        Assert.True(Q(smaller).CompareTo(Q(larger)) < 0);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("Gi")]
    [InlineData("1GiB")]
    [InlineData("--1")]
    [InlineData("")]
    [InlineData("1e")]
    [InlineData("e3")]
    [InlineData("1 Gi")]
    [InlineData(" 1")]
    [InlineData("1Gi ")]
    [InlineData("1gi")]
    [InlineData("1K")] // Kubernetes spells kilo with a lower-case k
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("1e3Gi")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("١")] // an Arabic-Indic digit is not an ASCII digit
    public void Invalid_text_is_rejected(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
        Assert.False(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    // Past decimal's range after the suffix is applied.
    [InlineData("100000Ei", "99999Ei")]
    [InlineData("1e40", "1e39")]
    // Past decimal's range already in the digits (30 digits).
    [InlineData("200000000000000000000000000000", "100000000000000000000000000000")]
    public void Huge_values_that_overflow_decimal_still_compare(string larger, string smaller)
    {
        Assert.True(Q(larger) > Q(smaller));
        Assert.True(Q(larger) > Q("1Ei"));
        Assert.Equal(Q(larger), Q(larger));
    }

    [Fact]
    public void A_huge_value_equals_itself_in_another_spelling()
    {
        Assert.Equal(Q("1e40"), Q("10000000000000000000000000000000000000000"));
        Assert.Equal(Q("1e30"), Q("1000000000000000000000000000000"));
    }
}
