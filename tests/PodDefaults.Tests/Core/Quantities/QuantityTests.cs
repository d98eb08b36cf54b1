using PodDefaults.Core.Quantities;

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

    [Theory]
    // The exponent's extremes: Math.Abs(int.MinValue) used to throw out of the parser.
    [InlineData("1e-2147483648")]
    [InlineData("1e2147483647")]
    [InlineData("-1E-2147483648")]
    [InlineData("9.999e2147483647")]
    [InlineData("1e+2147483647")]
    [InlineData("0e-2147483648")]
    public void Extreme_exponents_parse_exactly(string text)
    {
        var quantity = Q(text);
        Assert.Equal(quantity, Q(text));
    }

    [Fact]
    public void Extreme_exponents_compare_exactly()
    {
        Assert.True(Q("1e-2147483648") > Q("0"));
        Assert.True(Q("1e-2147483648") < Q("1n"));
        Assert.True(Q("2e-2147483648") > Q("1e-2147483648"));
        Assert.True(Q("-1e-2147483648") < Q("0"));
        Assert.Equal(Q("0e-2147483648"), Q("0"));
        Assert.Equal(Q("10e-2147483648"), Q("1e-2147483647"));
        Assert.True(Q("1e2147483647") > Q("100000Ei"));
        Assert.True(Q("-1e2147483647") < Q("-1e2147483646"));
        Assert.NotEqual(Q("1e-2147483648"), Q("1e2147483647"));
    }

    [Theory]
    [InlineData("1e2147483648")] // past 32 bits, as Kubernetes refuses it
    [InlineData("1e-2147483649")]
    [InlineData("1e99999999999999999999")]
    [InlineData("1e1.5")] // the CRD's pattern admits a fractional exponent; Kubernetes does not
    [InlineData("1e.5")]
    public void Exponents_Kubernetes_refuses_are_rejected(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
        Assert.False(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Fine_values_compare_exactly_where_a_double_would_not()
    {
        Assert.True(Q("1.0000000000000000000000000000001") > Q("1"));
        Assert.True(Q("100000000000000000000000000000001") > Q("100000000000000000000000000000000"));
        Assert.Equal(Q("0.1e1"), Q("1"));
        Assert.Equal(Q("1Ei"), Q("1152921504606846976"));
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_rejected_at_both_entry_points()
    {
        var text = "1" + new string('0', Quantity.MaxLength);
        Assert.False(Quantity.TryParse(text, out _));
        Assert.False(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 10_000;

    /// <summary>Quantity-shaped text (what the CRD's pattern accepts, and near misses) mixed with any string.</summary>
    private static readonly Gen<string> QuantityText =
        Gen.OneOf(
            Gen.String,
            Gen.String[Gen.Char["0123456789.+-eEkKmMGiTPnu "], 0, 80],
            Gen.Select(
                Gen.String[Gen.Char["0123456789"], 0, 40],
                Gen.String[Gen.Char["0123456789"], 0, 40],
                Gen.OneOf(Gen.Const(""), Gen.Const("Ki"), Gen.Const("Ei"), Gen.Const("m"), Gen.Const("E"),
                    Gen.Int.Select(e => "e" + e.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Gen.Long.Select(e => "E" + e.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (whole, fraction, suffix) => $"{whole}.{fraction}{suffix}"));

    [Fact]
    public void TryParse_never_throws_and_agrees_with_itself() =>
        QuantityText.Sample(text =>
        {
            var parsed = Quantity.TryParse(text, out var quantity);
            var utf8 = Encoding.UTF8.GetBytes(text);
            Assert.Equal(parsed && utf8.Length <= Quantity.MaxLength, Quantity.TryParse(utf8, out var fromUtf8));
            if (parsed && utf8.Length <= Quantity.MaxLength)
            {
                Assert.Equal(quantity, fromUtf8);
                Assert.Equal(0, quantity.CompareTo(fromUtf8));
            }
        }, iter: Iterations, print: text => $"\"{text}\"");

    [Fact]
    public void Comparison_is_a_total_order_consistent_with_equality() =>
        Gen.Select(QuantityText, QuantityText, QuantityText).Sample((a, b, c) =>
        {
            if (!Quantity.TryParse(a, out var x) || !Quantity.TryParse(b, out var y) || !Quantity.TryParse(c, out var z))
                return;
            Assert.Equal(Math.Sign(x.CompareTo(y)), -Math.Sign(y.CompareTo(x)));
            Assert.Equal(x.CompareTo(y) == 0, x == y);
            if (x <= y && y <= z)
                Assert.True(x <= z);
        }, iter: Iterations);
}
