using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PodDefaults.Core.Json;

/// <summary>
/// A position in a request body and the steps of reading it: the grammar (separators, member names,
/// strings) is checked with full JSON rules; a value the reader does not need is left to
/// <see cref="JsonScanner"/>, and a value it records and compares later is checked with the rules of
/// <see cref="Utf8JsonReader"/> (<see cref="ReadRange"/>).
/// </summary>
/// <remarks>Errors are <see cref="JsonException"/>s whose message names the member (paths are literals: no allocation when all is well).</remarks>
internal ref struct JsonCursor
{
    private readonly ReadOnlySpan<byte> json;

    public JsonCursor(ReadOnlySpan<byte> json, int position = 0, int depth = 0)
    {
        this.json = json;
        Position = position;
        Depth = depth;
    }

    public readonly ReadOnlySpan<byte> Json => json;

    public int Position { get; private set; }

    /// <summary>How many objects and lists enclose the position.</summary>
    public int Depth { get; private set; }

    /// <summary>Which optional members the tables read this time (<see cref="Tables.Member{T}.Need"/>); the rest are skipped.</summary>
    public uint Needs { get; set; }

    /// <summary>The next byte that is not whitespace, without consuming it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Peek()
    {
        // The API server writes no whitespace: the byte is usually there already.
        if ((uint)Position < (uint)json.Length && json[Position] > (byte)' ')
            return json[Position];
        return PeekPastWhitespace();
    }

    private byte PeekPastWhitespace()
    {
        SkipWhitespace();
        if (Position >= json.Length)
            throw new JsonException("unexpected end of JSON");
        return json[Position];
    }

    /// <summary>Whether only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return Position >= json.Length;
    }

    /// <summary>Enters the object ahead; <c>null</c> is an absent object (false), anything else an error.</summary>
    public bool BeginObject(string path) => Begin((byte)'{', path, "an object");

    /// <summary>Enters the list ahead; <c>null</c> is an absent list (false), anything else an error.</summary>
    public bool BeginArray(string path) => Begin((byte)'[', path, "a list");

    /// <summary>Moves to the value of the object's next member; false (and out of the object) at its end.</summary>
    public bool NextMember(ref bool first, out JsonString name)
    {
        var next = Peek();
        if (next == (byte)'}')
        {
            Position++;
            Depth--;
            name = JsonString.None;
            return false;
        }
        if (!first)
        {
            if (next != (byte)',')
                throw Unexpected("after a member");
            Position++;
            next = Peek();
        }
        if (next != (byte)'"')
            throw Unexpected("where a member name belongs");
        name = ScanString();
        if (Peek() != (byte)':')
            throw Unexpected("after a member name");
        Position++;
        Peek();
        first = false;
        return true;
    }

    /// <summary>Moves to the next item of the list; false (and out of the list) at its end.</summary>
    public bool NextItem(ref bool first)
    {
        var next = Peek();
        if (next == (byte)']')
        {
            Position++;
            Depth--;
            return false;
        }
        if (!first)
        {
            if (next != (byte)',')
                throw Unexpected("after a list item");
            Position++;
            Peek();
        }
        first = false;
        return true;
    }

    /// <summary>A string value (its escapes must stand for text), or <see cref="JsonString.None"/> for <c>null</c>.</summary>
    public JsonString ReadString(string path)
    {
        if (Peek() == (byte)'"')
            return ScanString();
        if (TryNull())
            return JsonString.None;
        throw Expected(path, "a string");
    }

    /// <summary>Consumes <c>null</c> if it is next.</summary>
    public bool TryNull()
    {
        if (!json[Position..].StartsWith("null"u8))
            return false;
        Position += 4;
        return true;
    }

    /// <summary>Skips the value ahead, checking only its structure.</summary>
    public void SkipValue()
    {
        Peek();
        Position = JsonScanner.SkipValue(json, Position, Depth);
    }

    /// <summary>Skips the value ahead, checking only its structure, and returns where it is.</summary>
    public JsonRange SkipRange()
    {
        var start = Position;
        SkipValue();
        return new JsonRange(start, Position - start);
    }

    /// <summary>Reads the value ahead with full JSON rules and returns where it is.</summary>
    public JsonRange ReadRange()
    {
        var isString = Peek() == (byte)'"';
        var start = Position;
        if (isString)
            ScanString();
        else
            ReadValue();
        return new JsonRange(start, Position - start);
    }

    /// <summary>Reads the list item ahead with full JSON rules: it must be an object; returns its string member <paramref name="keyMember"/>.</summary>
    public JsonString ReadItemKey(ReadOnlySpan<byte> keyMember, string path)
    {
        if (Peek() != (byte)'{')
            throw Expected(path, "a list of objects");
        Enter();
        var key = JsonString.None;
        var first = true;
        while (NextMember(ref first, out var name))
        {
            if (!name.TextEquals(json, keyMember))
            {
                ReadValue();
                continue;
            }
            if (key.IsPresent)
                throw KeyTwice(path, keyMember);
            if (Peek() == (byte)'"')
                key = ScanString();
            else
                ReadValue();
        }
        return key;
    }

    /// <summary>
    /// Reads the value ahead with the rules <see cref="Utf8JsonReader"/> applies (numbers and literals parsed,
    /// escapes well formed), without its cost: the values read are small (an env var, a volume mount).
    /// </summary>
    private void ReadValue()
    {
        var first = true;
        switch (Peek())
        {
            case (byte)'"':
                Position = JsonScanner.SkipString(json, Position + 1, out _);
                return;
            case (byte)'{':
                Enter();
                while (NextMember(ref first, out _))
                    ReadValue();
                return;
            case (byte)'[':
                Enter();
                while (NextItem(ref first))
                    ReadValue();
                return;
            default:
                Position += ScalarLength(json[Position..]);
                return;
        }
    }

    private void Enter()
    {
        if (Depth >= JsonLimits.MaxDepth)
            throw JsonLimits.TooDeep();
        Position++;
        Depth++;
    }

    /// <summary>The length of the literal or number that <paramref name="value"/> starts with (what follows is the caller's to check).</summary>
    private static int ScalarLength(ReadOnlySpan<byte> value)
    {
        if (value.StartsWith("true"u8) || value.StartsWith("null"u8))
            return 4;
        if (value.StartsWith("false"u8))
            return 5;
        // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        var at = value[0] == (byte)'-' ? 1 : 0;
        if (at < value.Length && value[at] == (byte)'0')
            at++;
        else if (!Digits(value, ref at))
            throw NotAValue(value);
        if (at < value.Length && value[at] == (byte)'.')
        {
            at++;
            if (!Digits(value, ref at))
                throw NotAValue(value);
        }
        if (at < value.Length && (value[at] | 0x20) == (byte)'e')
        {
            at++;
            if (at < value.Length && value[at] is (byte)'+' or (byte)'-')
                at++;
            if (!Digits(value, ref at))
                throw NotAValue(value);
        }
        return at;
    }

    private static bool Digits(ReadOnlySpan<byte> value, ref int at)
    {
        var start = at;
        while (at < value.Length && char.IsAsciiDigit((char)value[at]))
            at++;
        return at > start;
    }

    private static JsonException NotAValue(ReadOnlySpan<byte> value) =>
        new($"'{System.Text.Encoding.UTF8.GetString(value[..Math.Min(value.Length, 16)])}' is not a JSON value");

    /// <summary>The string whose opening quote is next; its escapes must stand for text.</summary>
    private JsonString ScanString()
    {
        var start = Position + 1;
        Position = JsonScanner.SkipString(json, start, out var escaped);
        var text = new JsonString(start, Position - 1 - start, escaped);
        if (escaped && !JsonEscapes.IsValid(text.Raw(json)))
            throw NoText(text.Raw(json));
        return text;
    }

    private static JsonException KeyTwice(string path, ReadOnlySpan<byte> keyMember) =>
        new($"{path}: an item has the member \"{System.Text.Encoding.UTF8.GetString(keyMember)}\" twice");

    private static JsonException NoText(ReadOnlySpan<byte> raw) =>
        new($"the string \"{System.Text.Encoding.UTF8.GetString(raw)}\" holds an escape that is no text (a lone surrogate)");

    private bool Begin(byte open, string path, string what)
    {
        if (Peek() == open)
        {
            Enter();
            return true;
        }
        if (TryNull())
            return false;
        throw Expected(path, what);
    }

    public readonly JsonException Expected(string path, string what) => new($"{path}: expected {what}, found {Describe()}");

    private readonly JsonException Unexpected(string where) =>
        new($"'{(char)json[Position]}' is not valid {where} (at byte {Position})");

    /// <summary>What the value ahead is, by its first byte (the value is not read).</summary>
    private readonly string Describe() => json[Position] switch
    {
        (byte)'{' => "an object",
        (byte)'[' => "a list",
        (byte)'"' => "a string",
        (byte)'t' or (byte)'f' => "a boolean",
        (byte)'n' => "null",
        (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a number",
        var other => $"'{(char)other}', which starts no JSON value",
    };

    private void SkipWhitespace()
    {
        while (Position < json.Length && json[Position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            Position++;
    }
}
