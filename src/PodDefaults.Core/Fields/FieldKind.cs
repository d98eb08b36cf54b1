namespace PodDefaults.Core.Fields;

/// <summary>
/// How a PodDefault field is read, merged and patched (docs: SEMANTICS.md section 4). Each kind's code is written
/// once, in the parser, the pod reader, the merge and the patch; a field is only a row naming its kind.
/// </summary>
public enum FieldKind
{
    /// <summary>A list of objects keyed by a string member (<see cref="PodDefaultField.Key"/>): a key already there must satisfy the item, else a conflict.</summary>
    KeyedList,

    /// <summary>A list of objects without a key: appended unless an equal one is there; never a conflict.</summary>
    UnkeyedList,

    /// <summary>A map of strings, merged by key: a different value is a conflict.</summary>
    StringMap,

    /// <summary>An object whose top-level members merge one by one, as a map's entries do.</summary>
    ObjectMembers,

    /// <summary>A list of strings set on a container that has none; the first PodDefault that sets it wins.</summary>
    FirstWinsStringList,

    /// <summary>A string that overrides the pod's; the last PodDefault that sets it wins.</summary>
    LastWinsString,

    /// <summary>A boolean that overrides the pod's; the last PodDefault that sets it wins.</summary>
    LastWinsBoolean,

    /// <summary><c>limits</c> and <c>requests</c>, maps of quantities compared by value; no request above its limit.</summary>
    Resources,
}
