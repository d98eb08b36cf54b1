using PodDefaults.Core.Json;

namespace PodDefaults.Tests.Core.Json;

/// <summary>
/// The skip checks exactly the structure docs/semantics.md §2 asks for, whatever the vector width: the
/// same tests run once per instruction set (bench/scanner-isa.sh switches AVX-512, AVX2 and all SIMD off,
/// each in its own process).
/// </summary>
public sealed class JsonScannerTests
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 2000;

    [Theory]
    [InlineData("""{"a":[1,2,{"b":"c"}],"d":null}""")]
    [InlineData("""[]""")]
    [InlineData("""{}""")]
    [InlineData("\"\\u00e9\\n\\\"\\\\\\/\\b\\f\\r\\t\"")]
    [InlineData("\"é 😀 \\ud800\"")] // a lone surrogate escape is well formed: only reading it as text fails
    [InlineData("""{"a":01x,"b":tru,"c":}""")] // scalars and separators are not parsed
    [InlineData("12e")]
    public void Sound_values_are_skipped_whole(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(bytes.Length, JsonScanner.SkipValue(bytes, 0, 0));
    }

    [Theory]
    [InlineData("""{"a":[1,2}""", "closes")]
    [InlineData("""{"a":[1,2]""", "not closed")]
    [InlineData("""["a]""", "does not end")]
    [InlineData("\"a\\x\"", "not a JSON escape")]
    [InlineData("\"a\\u12g4\"", "four hex digits")]
    [InlineData("\"a\\u12", "does not end")]
    [InlineData("\"tab\there\"", "control character")]
    [InlineData("}", "not the start")]
    [InlineData("", "unexpected end")]
    public void Broken_structure_is_an_error_that_says_why(string json, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var error = Assert.Throws<JsonException>(() => JsonScanner.SkipValue(bytes, 0, 0));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_limited_counting_from_the_top_of_the_body()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200));
        Assert.Equal(deep.Length, JsonScanner.SkipValue(deep, 0, 0));
        Assert.Throws<JsonException>(() => JsonScanner.SkipValue(deep, 0, JsonLimits.MaxDepth - 100));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xFF, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xC3, (byte)'"' })] // a cut two-byte sequence
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' })] // an encoded surrogate
    public void Invalid_UTF8_is_an_error(byte[] json) =>
        Assert.Throws<JsonException>(() => JsonScanner.CheckUtf8(json));

    /// <summary>Long runs of plain bytes take the vector paths, with the byte that matters at every offset of a vector.</summary>
    [Fact]
    public void A_stop_at_any_offset_of_a_long_run_is_found()
    {
        for (var length = 0; length < 200; length++)
        {
            var text = new string('x', length);
            Assert.Equal(length + 2, Skip($"\"{text}\""));
            Assert.Equal(length + 4, Skip($"[\"{text}\"]"));
            Assert.Equal(length + 2, Skip($"[{text}]"));
            Assert.Throws<JsonException>(() => Skip($"\"{text}\u0001\""));
            Assert.Throws<JsonException>(() => Skip($"[{text}}}"));
        }
    }

    /// <summary>
    /// A run of backslashes escapes the byte after it when its length is odd, also when the run or the escape
    /// crosses the end of a vector block (the escape carry): at every offset, every run length, both ways.
    /// </summary>
    [Fact]
    public void Runs_of_backslashes_at_any_offset_escape_as_their_length_says()
    {
        string[] templates =
        [
            "[\"PAD RUN\"]", // an even run leaves the quote to end the string
            "[\"PAD RUN\"],\"]\"]",
            "{\"kPAD RUN\":\"v\\\"}\"}",
            "[\"PAD RUNu0041\",{}]",
            "[\"PAD RUNu004\"]",
            "[\"PAD RUNx\"]",
            "[PAD RUN\"a\"]", // backslashes outside a string are not escapes
            "[\"PAD\",RUN\"]\"]",
        ];
        foreach (var template in templates)
        {
            for (var pad = 0; pad < 140; pad++)
            {
                for (var run = 1; run <= 4; run++)
                {
                    var json = Encoding.UTF8.GetBytes(template.Replace("PAD", new string('x', pad), StringComparison.Ordinal)
                        .Replace("RUN", new string('\\', run), StringComparison.Ordinal));
                    Assert.True(StructureOracle.IsSound(json) == ScannerAccepts(json), Encoding.UTF8.GetString(json));
                }
            }
        }
    }

    /// <summary>Every ASCII byte after a backslash, and a character of every UTF-8 lead byte (those are no escape).</summary>
    [Fact]
    public void Every_character_after_a_backslash_is_an_escape_or_an_error_as_the_byte_by_byte_check_says()
    {
        var characters = Enumerable.Range(0, 128)
            .Concat(Enumerable.Range(0x80, 0x800 - 0x80).Where(c => c % 64 == 0))
            .Concat(Enumerable.Range(0x800, 0x10000 - 0x800).Where(c => c % 4096 == 0 && !char.IsSurrogate((char)c)))
            .Concat([0x10000, 0x40000, 0x10FFFF]);
        foreach (var character in characters)
        {
            var json = Encoding.UTF8.GetBytes($"[\"{new string('x', 40)}ab\\{char.ConvertFromUtf32(character)}0000\",1]");
            Assert.True(StructureOracle.IsSound(json) == ScannerAccepts(json), $"U+{character:X4}");
        }
    }

    [Fact]
    public void The_scanner_agrees_with_a_byte_by_byte_check_on_random_text_of_structure_bytes() =>
        Gen.Char["\\\"[]{}xu0 :,"].Array[1, 200].Select(chars => "[" + new string(chars)).Sample(text =>
        {
            var json = Encoding.UTF8.GetBytes(text);
            Assert.Equal(StructureOracle.IsSound(json), ScannerAccepts(json));
        }, iter: Iterations);

    [Fact]
    public void The_scanner_agrees_with_a_byte_by_byte_check_on_random_damage() =>
        Gen.Select(Gen.OneOf(Samples), Gen.Int[0, 3], Gen.Byte.Array[1, 4], Gen.Double.Unit).Sample((sample, kind, bytes, at) =>
        {
            var json = Damage(Encoding.UTF8.GetBytes(sample), kind, bytes, at);
            Assert.Equal(StructureOracle.IsSound(json), ScannerAccepts(json));
        }, iter: Iterations);

    private static readonly string[] Samples =
    [
        """{"metadata":{"managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"main\"}":{".":{},"f:image":{}}}}}}]}}""",
        """[1,-2.5e3,true,false,null,"a\"b\\c\u00e9",{"x":[[],{}]}]""",
        """{"probe":{"exec":{"command":["sh","-c","test -f /tmp/ready && echo \"ok\""]},"periodSeconds":10}}""",
    ];

    /// <summary>Overwrites, inserts or cuts bytes at a random place (kinds 0 to 3).</summary>
    private static byte[] Damage(byte[] json, int kind, byte[] bytes, double at)
    {
        var position = (int)(at * json.Length);
        var list = json.ToList();
        switch (kind)
        {
            case 0:
                for (var i = 0; i < bytes.Length && position + i < list.Count; i++)
                    list[position + i] = bytes[i];
                break;
            case 1:
                list.InsertRange(position, bytes);
                break;
            case 2:
                list.Insert(position, "{}[]\"\\"u8[bytes[0] % 6]);
                break;
            default:
                list.RemoveRange(position, list.Count - position);
                break;
        }
        return [.. list];
    }

    /// <summary>The scanner's whole-body verdict: UTF-8, one value, whitespace after.</summary>
    private static bool ScannerAccepts(byte[] json)
    {
        try
        {
            JsonScanner.CheckUtf8(json);
            var start = 0;
            while (start < json.Length && json[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                start++;
            var end = JsonScanner.SkipValue(json, start, 0);
            return json.AsSpan(end).Trim(" \t\r\n"u8).IsEmpty;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Skip(string json) => JsonScanner.SkipValue(Encoding.UTF8.GetBytes(json), 0, 0);
}
