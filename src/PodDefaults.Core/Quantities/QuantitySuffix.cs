using System.Globalization;

namespace PodDefaults.Core.Quantities;

/// <summary>The suffix of a quantity: binary (<c>Ki</c>..<c>Ei</c>), decimal SI (<c>n</c>..<c>E</c>) or an exponent (<c>e3</c>).</summary>
internal readonly struct QuantitySuffix
{
    private QuantitySuffix(int base2Exponent, int base10Exponent)
    {
        Base2Exponent = base2Exponent;
        Base10Exponent = base10Exponent;
    }

    /// <summary>The suffix's factor is <c>2^Base2Exponent × 10^Base10Exponent</c>.</summary>
    public int Base2Exponent { get; }

    public int Base10Exponent { get; }

    public static bool TryParse(ReadOnlySpan<char> suffix, out QuantitySuffix parsed)
    {
        parsed = suffix switch
        {
            "" => new(0, 0),
            "Ki" => new(10, 0),
            "Mi" => new(20, 0),
            "Gi" => new(30, 0),
            "Ti" => new(40, 0),
            "Pi" => new(50, 0),
            "Ei" => new(60, 0),
            "n" => new(0, -9),
            "u" => new(0, -6),
            "m" => new(0, -3),
            "k" => new(0, 3),
            "M" => new(0, 6),
            "G" => new(0, 9),
            "T" => new(0, 12),
            "P" => new(0, 15),
            "E" => new(0, 18),
            _ => default,
        };
        if (suffix.Length == 0 || parsed.Base2Exponent != 0 || parsed.Base10Exponent != 0)
            return true;
        return TryParseExponent(suffix, out parsed);
    }

    /// <summary>
    /// <c>e</c> or <c>E</c> and a signed integer that fits 32 bits, as Kubernetes reads it. The CRD's pattern also
    /// admits a fractional exponent (<c>1e1.5</c>), which Kubernetes rejects, and so does this.
    /// </summary>
    private static bool TryParseExponent(ReadOnlySpan<char> suffix, out QuantitySuffix parsed)
    {
        parsed = default;
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
            return false;
        if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            return false;
        parsed = new QuantitySuffix(0, exponent);
        return true;
    }
}
