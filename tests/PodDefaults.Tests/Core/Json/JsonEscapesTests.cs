using PodDefaults.Core.Json;

namespace PodDefaults.Tests.Core.Json;

/// <summary>Whether a string's escapes stand for text is decided in place, as unescaping it would decide.</summary>
public sealed class JsonEscapesTests
{
    [Theory]
    [InlineData(@"plain", true)]
    [InlineData(@"k:{\""name\"":\""main\""}", true)]
    [InlineData(@"\n\t\\\/\b\f\r", true)]
    [InlineData(@"\u00e9\u0000", true)]
    [InlineData(@"\ud83d\ude00", true)] // a pair
    [InlineData(@"\uD83D\uDE00 and after", true)]
    [InlineData(@"\ud800", false)] // a lone high surrogate
    [InlineData(@"\ud800x", false)]
    [InlineData(@"\ud800\n", false)]
    [InlineData(@"\ud800\u0041", false)] // followed by no low surrogate
    [InlineData(@"\ud800\ud800", false)]
    [InlineData(@"\udc00", false)] // a lone low surrogate
    [InlineData(@"x\ude00\ud83d", false)]
    [InlineData(@"\ud83d\ude00\udc00", false)]
    public void A_lone_surrogate_is_no_text_and_a_pair_is(string escaped, bool valid)
    {
        var bytes = Encoding.UTF8.GetBytes(escaped);

        Assert.Equal(valid, JsonEscapes.IsValid(bytes));
        Assert.Equal(valid, JsonEscapes.Unescape(bytes, new byte[bytes.Length], out _));
    }

    [Fact]
    public void A_long_escaped_string_is_checked_without_allocating()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(@"{\""initContainers\"":[\""istio-init\""]}", 40)));
        JsonEscapes.IsValid(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = JsonEscapes.IsValid(bytes);

        Assert.True(valid);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
