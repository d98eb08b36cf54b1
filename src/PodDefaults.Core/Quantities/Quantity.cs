using System.Globalization;
using System.Numerics;

namespace PodDefaults.Core.Quantities;

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>), compared by value: <c>1</c> equals
/// <c>1000m</c> and <c>2Gi</c> equals <c>2048Mi</c>.
/// </summary>
/// <remarks>
/// The value is held exactly as <c>coefficient × 10^exponent</c>, the coefficient an integer without trailing
/// zeros, so equal values have one representation and no input overflows: the CRD's pattern accepts exponents
/// such as <c>1e-2147483648</c>, which a tenant can write. The text is capped at <see cref="MaxLength"/>
/// characters, which bounds the coefficient (and the cost of comparing) whatever the input.
/// </remarks>
public readonly struct Quantity : IComparable<Quantity>, IEquatable<Quantity>
{
    /// <summary>The longest quantity text accepted; Kubernetes' own quantities are far shorter.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// More than the digits any coefficient can have (64 text digits times 2^60 is under 10^83): when two
    /// exponents differ by more, the larger exponent has the larger magnitude.
    /// </summary>
    private const long MagnitudeGap = 100;

    private readonly BigInteger coefficient;
    private readonly long exponent;

    private Quantity(BigInteger coefficient, long exponent)
    {
        if (coefficient.IsZero)
            exponent = 0;
        else
        {
            while (true)
            {
                var quotient = BigInteger.DivRem(coefficient, 10, out var remainder);
                if (!remainder.IsZero)
                    break;
                coefficient = quotient;
                exponent++;
            }
        }
        this.coefficient = coefficient;
        this.exponent = exponent;
    }

    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity quantity)
    {
        quantity = default;
        if (utf8.IsEmpty || utf8.Length > MaxLength)
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
        if (text.IsEmpty || text.Length > MaxLength)
            return false;
        var numberLength = NumberPrefixLength(text);
        if (numberLength == 0)
            return false;
        if (!QuantitySuffix.TryParse(text[numberLength..], out var suffix))
            return false;

        var number = text[..numberLength];
        var negative = number[0] == '-';
        if (number[0] is '+' or '-')
            number = number[1..];
        Span<char> digits = stackalloc char[number.Length];
        var digitCount = 0;
        var fractionDigits = 0;
        var inFraction = false;
        foreach (var c in number)
        {
            if (c == '.')
            {
                inFraction = true;
                continue;
            }
            digits[digitCount++] = c;
            if (inFraction)
                fractionDigits++;
        }
        var coefficient = BigInteger.Parse(digits[..digitCount], NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
            coefficient = -coefficient;
        quantity = new Quantity(coefficient << suffix.Base2Exponent, (long)suffix.Base10Exponent - fractionDigits);
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

    public int CompareTo(Quantity other)
    {
        var sign = coefficient.Sign;
        if (sign != other.coefficient.Sign)
            return sign.CompareTo(other.coefficient.Sign);
        if (sign == 0)
            return 0;
        return sign * CompareMagnitude(this, other);
    }

    private static int CompareMagnitude(Quantity a, Quantity b)
    {
        var gap = a.exponent - b.exponent; // both exponents are bounded far below long's range: no overflow
        if (gap > MagnitudeGap)
            return 1;
        if (gap < -MagnitudeGap)
            return -1;
        var left = BigInteger.Abs(a.coefficient);
        var right = BigInteger.Abs(b.coefficient);
        if (gap > 0)
            left *= BigInteger.Pow(10, (int)gap);
        else if (gap < 0)
            right *= BigInteger.Pow(10, (int)-gap);
        return left.CompareTo(right);
    }

    public bool Equals(Quantity other) => exponent == other.exponent && coefficient == other.coefficient;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(coefficient, exponent);

    public override string ToString() =>
        exponent == 0 ? coefficient.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{coefficient}e{exponent}");

    public static bool operator ==(Quantity a, Quantity b) => a.Equals(b);
    public static bool operator !=(Quantity a, Quantity b) => !a.Equals(b);
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;
}
