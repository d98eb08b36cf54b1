using System.Globalization;
using System.Text;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Writes floats as Go does, so the JSON matches what kubectl sends: Go's <c>encoding/json</c> writes
/// <c>1e3</c> as <c>1000</c> and <c>1.0</c> as <c>1</c> (which then reads as an integer), and sigs.k8s.io/yaml
/// names a float map key with <c>strconv.FormatFloat(key, 'g', -1, 32)</c>.
/// </summary>
internal static class GoFloatText
{
    /// <summary>Go's <c>encoding/json</c> text of a finite float64.</summary>
    public static string Json(double value)
    {
        var decimals = ShortestDecimal.Of(value.ToString("R", CultureInfo.InvariantCulture));
        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
        {
            // encoding/json shortens a two-digit negative exponent: 1e-07 becomes 1e-7.
            var text = decimals.Exponential();
            return text[^4] == 'e' && text[^3..^1] == "-0" ? text[..^2] + text[^1..] : text;
        }

        return decimals.Fixed();
    }

    /// <summary>Go's <c>strconv.FormatFloat(value, 'g', -1, 32)</c>, as sigs.k8s.io/yaml names float keys.</summary>
    public static string MapKey(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
        }

        var decimals = ShortestDecimal.Of(((float)value).ToString("R", CultureInfo.InvariantCulture));
        var exponent = decimals.Point - 1;
        return exponent < -4 || exponent >= 6 ? decimals.Exponential() : decimals.Fixed();
    }

    /// <summary>
    /// The shortest digits that read back as the same float, as 0.<see cref="Digits"/> × 10^<see cref="Point"/>
    /// (Go's decimal form, which its formats are written from).
    /// </summary>
    private readonly record struct ShortestDecimal(bool Negative, string Digits, int Point)
    {
        /// <summary>Takes .NET's shortest round-trip text ("1E+21", "1.5E-07", "-0.001") apart.</summary>
        public static ShortestDecimal Of(string roundTrip)
        {
            var negative = roundTrip.StartsWith('-');
            var text = negative ? roundTrip[1..] : roundTrip;
            var e = text.IndexOf('E');
            var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var mantissa = e < 0 ? text : text[..e];
            var dot = mantissa.IndexOf('.');
            var integerDigits = dot < 0 ? mantissa.Length : dot;
            var all = mantissa.Replace(".", "");
            var digits = all.TrimStart('0');
            var point = integerDigits + exponent - (all.Length - digits.Length);
            digits = digits.TrimEnd('0');
            return new ShortestDecimal(negative, digits, digits.Length == 0 ? 0 : point);
        }

        /// <summary>Go's %f with the shortest digits: 1000, 0.001, 1.5.</summary>
        public string Fixed()
        {
            var text = new StringBuilder(Negative ? "-" : "");
            if (Point <= 0)
            {
                text.Append('0');
            }
            else
            {
                text.Append(Digits.AsSpan(0, Math.Min(Point, Digits.Length))).Append('0', Math.Max(0, Point - Digits.Length));
            }

            if (Digits.Length > Point)
            {
                text.Append('.').Append('0', Math.Max(0, -Point)).Append(Digits.AsSpan(Math.Max(0, Point)));
            }

            return text.ToString();
        }

        /// <summary>Go's %e with the shortest digits and an exponent of at least two digits: 1e+21, 1.5e-07.</summary>
        public string Exponential()
        {
            var digits = Digits.Length == 0 ? "0" : Digits;
            var exponent = Digits.Length == 0 ? 0 : Point - 1;
            var text = new StringBuilder(Negative ? "-" : "").Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits.AsSpan(1));
            }

            return text.Append(exponent < 0 ? "e-" : "e+")
                .Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture))
                .ToString();
        }
    }
}
