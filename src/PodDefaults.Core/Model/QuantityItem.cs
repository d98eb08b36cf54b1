using PodDefaults.Core.Quantities;

namespace PodDefaults.Core.Model;

/// <summary>One <c>limits</c> or <c>requests</c> entry of a PodDefault: the JSON to write and its parsed value.</summary>
public sealed record QuantityItem(JsonItem Item, Quantity Value)
{
    public string ResourceName => Item.Key;
}
