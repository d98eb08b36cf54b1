using System.Text;

namespace PodDefaults.Core.Json.Tables;

/// <summary>
/// One member of an object the webhook reads, and what to do with its value. A row of a
/// <see cref="MemberTable{T}"/>; the table's one loop (<see cref="ObjectReader"/>) finds the row by name and
/// calls <see cref="Read"/>.
/// </summary>
/// <typeparam name="T">What the object's members are read into.</typeparam>
internal abstract class Member<T>(string name, uint need)
{
    public string Name { get; } = name;

    public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(name);

    /// <summary>
    /// The bits of <see cref="JsonCursor.Needs"/> of which one must be set for the member to be read; 0 to
    /// read it always. A member not needed is skipped like one not in the table.
    /// </summary>
    public uint Need => need;

    /// <summary>Where the member is, for error messages: set once, when its table is built.</summary>
    public string Path { get; private set; } = "";

    public virtual void Bind(string objectPath) => Path = objectPath.Length == 0 ? Name : $"{objectPath}.{Name}";

    /// <summary>Reads the value ahead of the cursor into <paramref name="target"/>.</summary>
    public abstract void Read(ref JsonCursor cursor, T target);
}
