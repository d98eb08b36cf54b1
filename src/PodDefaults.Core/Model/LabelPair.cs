using System.Text;

namespace PodDefaults.Core.Model;

/// <summary>
/// A label a PodDefault sets, as selection sees it: with chained selection (docs/semantics.md §3) the labels
/// of the PodDefaults being applied join the pod's labels that selectors are evaluated on.
/// </summary>
public sealed class LabelPair
{
    public LabelPair(string key, string value)
    {
        Key = key;
        Value = value;
        KeyUtf8 = Encoding.UTF8.GetBytes(key);
        ValueUtf8 = Encoding.UTF8.GetBytes(value);
    }

    public string Key { get; }
    public string Value { get; }
    public byte[] KeyUtf8 { get; }
    public byte[] ValueUtf8 { get; }

    public override string ToString() => $"{Key}={Value}";
}
