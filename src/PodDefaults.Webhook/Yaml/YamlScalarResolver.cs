using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Gives a scalar its type as Kubernetes does. sigs.k8s.io/yaml decodes with its fork of go-yaml v2, whose
/// <c>resolve()</c> applies YAML 1.1's implicit types to plain scalars: <c>yes</c> and <c>on</c> are true,
/// <c>010</c> is 8, <c>~</c> is null. Quoted and block scalars are strings. The standard tags <c>!!str</c>,
/// <c>!!int</c>, <c>!!float</c>, <c>!!bool</c> and <c>!!null</c> are honoured; other tags leave the text a
/// string, as go-yaml does when it decodes into an untyped value.
/// </summary>
internal static partial class YamlScalarResolver
{
    private const string StandardTag = "tag:yaml.org,2002:";

    /// <summary>go-yaml's table of plain scalars that are looked up rather than parsed.</summary>
    private static readonly FrozenDictionary<string, ResolvedScalar> Named = new Dictionary<string, ResolvedScalar>
    {
        ["y"] = ResolvedScalar.True, ["Y"] = ResolvedScalar.True,
        ["yes"] = ResolvedScalar.True, ["Yes"] = ResolvedScalar.True, ["YES"] = ResolvedScalar.True,
        ["true"] = ResolvedScalar.True, ["True"] = ResolvedScalar.True, ["TRUE"] = ResolvedScalar.True,
        ["on"] = ResolvedScalar.True, ["On"] = ResolvedScalar.True, ["ON"] = ResolvedScalar.True,
        ["n"] = ResolvedScalar.False, ["N"] = ResolvedScalar.False,
        ["no"] = ResolvedScalar.False, ["No"] = ResolvedScalar.False, ["NO"] = ResolvedScalar.False,
        ["false"] = ResolvedScalar.False, ["False"] = ResolvedScalar.False, ["FALSE"] = ResolvedScalar.False,
        ["off"] = ResolvedScalar.False, ["Off"] = ResolvedScalar.False, ["OFF"] = ResolvedScalar.False,
        [""] = ResolvedScalar.Null, ["~"] = ResolvedScalar.Null,
        ["null"] = ResolvedScalar.Null, ["Null"] = ResolvedScalar.Null, ["NULL"] = ResolvedScalar.Null,
        [".nan"] = ResolvedScalar.Number(double.NaN), [".NaN"] = ResolvedScalar.Number(double.NaN),
        [".NAN"] = ResolvedScalar.Number(double.NaN),
        [".inf"] = ResolvedScalar.Number(double.PositiveInfinity),
        [".Inf"] = ResolvedScalar.Number(double.PositiveInfinity),
        [".INF"] = ResolvedScalar.Number(double.PositiveInfinity),
        ["+.inf"] = ResolvedScalar.Number(double.PositiveInfinity),
        ["+.Inf"] = ResolvedScalar.Number(double.PositiveInfinity),
        ["+.INF"] = ResolvedScalar.Number(double.PositiveInfinity),
        ["-.inf"] = ResolvedScalar.Number(double.NegativeInfinity),
        ["-.Inf"] = ResolvedScalar.Number(double.NegativeInfinity),
        ["-.INF"] = ResolvedScalar.Number(double.NegativeInfinity),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ResolvedScalar Resolve(YamlScalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain ? ResolvePlain(scalar.Value) : ResolvedScalar.String(scalar.Value);
        }

        if (scalar.Tag.IsNonSpecific)
        {
            return ResolvedScalar.String(scalar.Value); // `! text` asks for the text as it is
        }

        // An explicit tag applies to the text whatever its style: `!!int "12"` is 12.
        var resolved = ResolvePlain(scalar.Value);
        return scalar.Tag.Value switch
        {
            StandardTag + "str" => ResolvedScalar.String(scalar.Value),
            StandardTag + "null" when resolved.Kind == ScalarKind.Null => resolved,
            StandardTag + "bool" when resolved.Kind == ScalarKind.Bool => resolved,
            StandardTag + "int" when resolved.Kind is ScalarKind.Integer or ScalarKind.LargeInteger => resolved,
            StandardTag + "float" when resolved.Kind is ScalarKind.Float or ScalarKind.NonFiniteFloat => resolved,
            StandardTag + "float" when resolved.Kind == ScalarKind.Integer =>
                ResolvedScalar.Number(long.Parse(resolved.Text, CultureInfo.InvariantCulture)),
            StandardTag + "null" or StandardTag + "bool" or StandardTag + "int" or StandardTag + "float" =>
                throw new YamlToJsonException(
                    scalar.Position, $"'{scalar.Value}' is not a valid !!{scalar.Tag.Value[StandardTag.Length..]}"),
            StandardTag + "binary" => throw new YamlToJsonException(
                scalar.Position, "!!binary has no JSON form; write the base64 text as a plain string, without the tag"),
            _ => ResolvedScalar.String(scalar.Value),
        };
    }

    /// <summary>go-yaml v2's <c>resolve()</c> for an untagged plain scalar: its first character decides what to try.</summary>
    private static ResolvedScalar ResolvePlain(string text)
    {
        if (Named.TryGetValue(text, out var named))
        {
            return named;
        }

        return text[0] switch
        {
            '.' => DotFloat().IsMatch(text) && TryParseFinite(text, out var value)
                ? ResolvedScalar.Number(value)
                : ResolvedScalar.String(text),
            '+' or '-' or (>= '0' and <= '9') => ResolveNumber(text),
            _ => ResolvedScalar.String(text),
        };
    }

    /// <summary>
    /// go-yaml's order, quirks included: with <c>_</c> removed, a signed 64-bit integer, then an unsigned one,
    /// then a float (so <c>09</c>, not octal, is 9.0, and a decimal beyond 64 bits is rounded to a float), then
    /// an unsigned integer of any size (the Kubernetes fork's big.Int). Anything else is a string.
    /// </summary>
    private static ResolvedScalar ResolveNumber(string text)
    {
        var plain = text.Replace("_", "");
        var isInteger = GoIntegerLiteral.TryParse(plain, out var integer, out var signed);
        if (isInteger && integer >= long.MinValue && integer <= long.MaxValue)
        {
            return new ResolvedScalar(ScalarKind.Integer, integer.ToString(CultureInfo.InvariantCulture));
        }

        if (isInteger && !signed && integer <= ulong.MaxValue)
        {
            return LargeInteger(integer);
        }

        if (GoFloat().IsMatch(plain) && TryParseFinite(plain, out var value))
        {
            return ResolvedScalar.Number(value);
        }

        return isInteger && !signed ? LargeInteger(integer) : ResolvedScalar.String(text);
    }

    private static ResolvedScalar LargeInteger(BigInteger value) =>
        new(ScalarKind.LargeInteger, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Go's ParseFloat fails on overflow, so an infinite result means "not a float" here.</summary>
    private static bool TryParseFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>go-yaml's <c>yamlStyleFloat</c> (with \z: .NET's $ would also match before a final newline).</summary>
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoFloat();

    /// <summary>What Go's ParseFloat accepts from text that starts with a dot.</summary>
    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();
}
