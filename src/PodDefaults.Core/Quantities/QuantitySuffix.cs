using System.Globalization;

namespace PodDefaults.Core.Quantities;

/// <summary>The suffix of a quantity: binary (<c>Ki</c>..<c>Ei</c>), decimal SI (<c>n</c>..<c>E</c>) or an exponent (<c>e3</c>).</summary>
internal readonly struct QuantitySuffix
{
    private readonly int base2Exponent;
    private readonly int base10Exponent;

    private QuantitySuffix(int base2Exponent, int base10Exponent, bool isDecimalExponent)
    {
        this.base2Exponent = base2Exponent;
        this.base10Exponent = base10Exponent;
        IsDecimalExponent = isDecimalExponent;
    }

    public bool IsDecimalExponent { get; }

    public static bool TryParse(ReadOnlySpan<char> suffix, out QuantitySuffix parsed)
    {
        parsed = suffix switch
        {
            "" => new(0, 0, false),
            "Ki" => new(10, 0, false),
            "Mi" => new(20, 0, false),
            "Gi" => new(30, 0, false),
            "Ti" => new(40, 0, false),
            "Pi" => new(50, 0, false),
            "Ei" => new(60, 0, false),
            "n" => new(0, -9, false),
            "u" => new(0, -6, false),
            "m" => new(0, -3, false),
            "k" => new(0, 3, false),
            "M" => new(0, 6, false),
            "G" => new(0, 9, false),
            "T" => new(0, 12, false),
            "P" => new(0, 15, false),
            "E" => new(0, 18, false),
            _ => default,
        };
        if (suffix.Length == 0 || parsed.base2Exponent != 0 || parsed.base10Exponent != 0)
            return true;
        return TryParseExponent(suffix, out parsed);
    }

    private static bool TryParseExponent(ReadOnlySpan<char> suffix, out QuantitySuffix parsed)
    {
        parsed = default;
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
            return false;
        if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 100)
            return false;
        parsed = new QuantitySuffix(0, exponent, true);
        return true;
    }

    public decimal Apply(decimal mantissa)
    {
        var value = mantissa;
        for (var i = 0; i < base2Exponent; i += 10)
            value = checked(value * 1024m);
        for (var i = 0; i < base10Exponent; i++)
            value = checked(value * 10m);
        for (var i = 0; i > base10Exponent; i--)
            value /= 10m;
        return value;
    }

    public double Apply(double mantissa) => mantissa * Math.Pow(2, base2Exponent) * Math.Pow(10, base10Exponent);
}
