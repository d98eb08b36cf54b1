namespace PodDefaults.Core.Model;

/// <summary>A PodDefault object that cannot be used, with the JSON Pointer of the offending member.</summary>
public sealed class PodDefaultFormatException(string pointer, string reason)
    : FormatException($"{(pointer.Length == 0 ? "(object)" : pointer)}: {reason}")
{
    /// <summary>RFC 6901 pointer into the object, e.g. <c>/spec/env/1</c>, so file sources can report a line.</summary>
    public string Pointer { get; } = pointer;

    public string Reason { get; } = reason;
}
