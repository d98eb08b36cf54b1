using System.Globalization;
using System.Numerics;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Reads an integer the way Go's <c>strconv.ParseInt(s, 0, 64)</c> does, which go-yaml relies on: an optional
/// sign, then <c>0x</c> hex, <c>0o</c> octal, <c>0b</c> binary, a leading <c>0</c> for octal, or decimal.
/// The caller removes <c>_</c> separators first, as go-yaml does. The value is exact at any size.
/// </summary>
internal static class GoIntegerLiteral
{
    public static bool TryParse(string text, out BigInteger value, out bool signed)
    {
        value = BigInteger.Zero;
        signed = text.Length > 0 && text[0] is '+' or '-';
        var digits = text.AsSpan(signed ? 1 : 0);
        if (digits.IsEmpty)
        {
            return false;
        }

        var (radix, prefix) = digits[0] != '0' ? (10, 0)
            : digits.Length < 3 ? (8, 1)
            : char.ToLowerInvariant(digits[1]) switch
            {
                'x' => (16, 2),
                'o' => (8, 2),
                'b' => (2, 2),
                _ => (8, 1),
            };
        digits = digits[prefix..];

        foreach (var c in digits)
        {
            if (DigitValue(c) >= radix)
            {
                return false;
            }
        }

        value = Parse(digits, radix);
        if (text[0] == '-')
        {
            value = -value;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => int.MaxValue,
    };

    private static BigInteger Parse(ReadOnlySpan<char> digits, int radix)
    {
        if (digits.IsEmpty)
        {
            return BigInteger.Zero; // "0" is an octal prefix with no digits after it
        }

        // BigInteger reads hex and binary as two's complement: a leading 0 keeps the value positive.
        return radix switch
        {
            10 => BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture),
            16 => BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            2 => BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture),
            _ => ParseOctal(digits),
        };
    }

    /// <summary>Each octal digit is three bits: rewrite in binary, which BigInteger reads in linear time.</summary>
    private static BigInteger ParseOctal(ReadOnlySpan<char> digits)
    {
        var bits = new char[1 + (3 * digits.Length)];
        bits[0] = '0';
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            bits[1 + (3 * i)] = (digit & 4) == 0 ? '0' : '1';
            bits[2 + (3 * i)] = (digit & 2) == 0 ? '0' : '1';
            bits[3 + (3 * i)] = (digit & 1) == 0 ? '0' : '1';
        }

        return BigInteger.Parse(bits, NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture);
    }
}
