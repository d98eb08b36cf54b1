using System.Text;

namespace PodDefaults.Core.Model;

/// <summary>One <c>matchExpressions</c> term (or one <c>matchLabels</c> pair, as <c>key In (value)</c>).</summary>
public sealed class SelectorRequirement
{
    public SelectorRequirement(string key, SelectorOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
        KeyUtf8 = Encoding.UTF8.GetBytes(key);
        ValuesUtf8 = values.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public string Key { get; }
    public SelectorOperator Operator { get; }
    public IReadOnlyList<string> Values { get; }
    public byte[] KeyUtf8 { get; }
    public byte[][] ValuesUtf8 { get; }

    public override string ToString() => Operator switch
    {
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => "!" + Key,
        _ => $"{Key} {(Operator == SelectorOperator.In ? "in" : "notin")} ({string.Join(",", Values)})",
    };
}
