namespace PodDefaults.Webhook.Yaml;

internal enum ScalarKind
{
    Null,
    Bool,

    /// <summary>Fits in a signed 64-bit integer.</summary>
    Integer,

    /// <summary>Above <see cref="long.MaxValue"/>: go-yaml keeps it as a uint64 or a big.Int.</summary>
    LargeInteger,

    Float,

    /// <summary><c>.inf</c>, <c>-.inf</c> or <c>.nan</c>: a float that JSON cannot write.</summary>
    NonFiniteFloat,

    String,
}

/// <summary>
/// What a scalar means once resolved. <see cref="Text"/> is the JSON text for null, bools and numbers, the
/// value itself for strings, and <c>.inf</c>, <c>-.inf</c> or <c>.nan</c> for non-finite floats.
/// </summary>
internal readonly record struct ResolvedScalar(ScalarKind Kind, string Text, double Float = 0)
{
    public static readonly ResolvedScalar Null = new(ScalarKind.Null, "null");
    public static readonly ResolvedScalar True = new(ScalarKind.Bool, "true");
    public static readonly ResolvedScalar False = new(ScalarKind.Bool, "false");

    public static ResolvedScalar String(string value) => new(ScalarKind.String, value);

    public static ResolvedScalar Number(double value) => double.IsFinite(value)
        ? new(ScalarKind.Float, GoFloatText.Json(value), value)
        : new(ScalarKind.NonFiniteFloat, double.IsNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf", value);
}
