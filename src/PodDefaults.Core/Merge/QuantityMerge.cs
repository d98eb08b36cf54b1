using System.Runtime.InteropServices;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Quantities;

namespace PodDefaults.Core.Merge;

/// <summary>
/// <c>limits</c> or <c>requests</c> of one container: quantities compare by value (<c>1</c> = <c>1000m</c>),
/// and a value the LimitRanger defaulted counts as absent, so the PodDefault's value replaces it.
/// </summary>
public sealed class QuantityMerge
{
    // Made at the first resource set: most containers get none.
    private List<AddedItem>? set;
    private List<Quantity>? setValues;
    private LimitRangerAnnotation? limitRanger;

    public JsonEntries Existing { get; private set; } = JsonEntries.Empty;

    /// <summary><c>limits</c> or <c>requests</c>.</summary>
    public string Part { get; private set; } = "";

    public FieldContext At { get; private set; }

    /// <summary>The entries to write, each resource once.</summary>
    public ReadOnlySpan<AddedItem> Set => CollectionsMarshal.AsSpan(set);

    /// <param name="part"><c>limits</c> or <c>requests</c>.</param>
    /// <param name="field">The part as messages name it (<c>resources.limits</c>).</param>
    public void Reset(JsonEntries existing, string part, string field, JsonString container, LimitRangerAnnotation? defaulted)
    {
        Existing = existing;
        Part = part;
        limitRanger = defaulted;
        At = new FieldContext(field, ValueKind.Json, container);
        set?.Clear();
        setValues?.Clear();
    }

    public void Merge(QuantityItem wanted, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        for (var i = 0; i < Set.Length; i++)
        {
            var (item, setBy) = Set[i];
            if (item.Key != wanted.ResourceName)
                continue;
            if (setValues![i] != wanted.Value)
                conflicts.Add(Conflict.Differs(At, wanted.ResourceName, source, Describe(item.Json), setBy.Name, Describe(wanted.Item.Json), from.Name));
            return;
        }
        foreach (var entry in Existing.Items)
        {
            if (!entry.Key.TextEquals(source, wanted.Item.KeyUtf8))
                continue;
            var existing = entry.Value.In(source);
            var equal = TryParse(existing, out var quantity) && quantity == wanted.Value;
            if (equal)
                return;
            if (limitRanger?.Defaulted(At.Container.ToString(source), Part, wanted.ResourceName) == true)
                break; // the LimitRanger's default counts as absent: the PodDefault's value replaces it
            conflicts.Add(Conflict.Differs(At, wanted.ResourceName, source, Describe(existing), null, Describe(wanted.Item.Json), from.Name));
            return;
        }
        (set ??= []).Add(new AddedItem(wanted.Item, from));
        (setValues ??= []).Add(wanted.Value);
    }

    /// <summary>The value after the merge: set by a PodDefault, else the pod's own.</summary>
    public bool TryGetFinal(JsonItem resource, ReadOnlySpan<byte> source, out Quantity value, out string text)
    {
        for (var i = 0; i < Set.Length; i++)
        {
            if (Set[i].Item.Key == resource.Key)
            {
                (value, text) = (setValues![i], Describe(Set[i].Item.Json));
                return true;
            }
        }
        foreach (var entry in Existing.Items)
        {
            if (entry.Key.TextEquals(source, resource.KeyUtf8) && TryParse(entry.Value.In(source), out value))
            {
                text = Describe(entry.Value.In(source));
                return true;
            }
        }
        (value, text) = (default, "");
        return false;
    }

    private static bool TryParse(ReadOnlySpan<byte> json, out Quantity quantity)
    {
        // The API server writes quantities as strings; a number is accepted too.
        var text = json.Length >= 2 && json[0] == (byte)'"' ? json[1..^1] : json;
        return Quantity.TryParse(text, out quantity);
    }

    private static string Describe(ReadOnlySpan<byte> json) => ValueDescription.Describe(ValueKind.Json, json);
}
