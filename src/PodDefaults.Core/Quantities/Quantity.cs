using System.Globalization;

namespace PodDefaults.Core.Quantities;

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>), compared by value: <c>1</c> equals
/// <c>1000m</c> and <c>2Gi</c> equals <c>2048Mi</c>.
/// </summary>
/// <remarks>
/// <see cref="decimal"/> holds every quantity a pod realistically carries exactly (up to 28 digits: past an
/// exbibyte); larger or finer ones fall back to <see cref="double"/>, as an approximation the comparison says so.
/// </remarks>
public readonly struct Quantity : IComparable<Quantity>, IEquatable<Quantity>
{
    private readonly decimal exact;
    private readonly double approximate;
    private readonly bool isExact;

    private Quantity(decimal exact)
    {
        this.exact = exact;
        approximate = (double)exact;
        isExact = true;
    }

    private Quantity(double approximate) => this.approximate = approximate;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity quantity)
    {
        quantity = default;
        if (utf8.IsEmpty || utf8.Length > 64)
            return false;
        Span<char> text = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] > 0x7F)
                return false;
            text[i] = (char)utf8[i];
        }
        return TryParse(text, out quantity);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity)
    {
        quantity = default;
        var numberLength = NumberPrefixLength(text);
        if (numberLength == 0)
            return false;
        var number = text[..numberLength];
        if (!QuantitySuffix.TryParse(text[numberLength..], out var suffix))
            return false;
        if (suffix.IsDecimalExponent && number.ContainsAny('e', 'E'))
            return false;

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(number, style, CultureInfo.InvariantCulture, out var mantissa))
        {
            // The digits are valid (checked above), so decimal failed on their size: approximate them.
            if (!double.TryParse(number, style, CultureInfo.InvariantCulture, out var large))
                return false;
            quantity = new Quantity(suffix.Apply(large));
            return true;
        }
        try
        {
            quantity = new Quantity(suffix.Apply(mantissa));
        }
        catch (OverflowException)
        {
            quantity = new Quantity(suffix.Apply((double)mantissa));
        }
        return true;
    }

    /// <summary>Length of the signed decimal number that starts a quantity (digits, one point, no exponent).</summary>
    private static int NumberPrefixLength(ReadOnlySpan<char> text)
    {
        var at = 0;
        if (at < text.Length && text[at] is '+' or '-')
            at++;
        var digits = 0;
        var seenPoint = false;
        for (; at < text.Length; at++)
        {
            var c = text[at];
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c == '.' && !seenPoint)
                seenPoint = true;
            else
                break;
        }
        return digits == 0 ? 0 : at;
    }

    public int CompareTo(Quantity other) =>
        isExact && other.isExact ? exact.CompareTo(other.exact) : approximate.CompareTo(other.approximate);

    public bool Equals(Quantity other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => approximate.GetHashCode();

    public override string ToString() => isExact ? exact.ToString(CultureInfo.InvariantCulture) : approximate.ToString(CultureInfo.InvariantCulture);

    public static bool operator ==(Quantity a, Quantity b) => a.Equals(b);
    public static bool operator !=(Quantity a, Quantity b) => !a.Equals(b);
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;
}
