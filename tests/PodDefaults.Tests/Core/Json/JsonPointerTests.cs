using PodDefaults.Core.Json;

namespace PodDefaults.Tests.Core.Json;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("example.com/team", "example.com~1team")]
    [InlineData("a~b", "a~0b")]
    [InlineData("~/", "~0~1")]
    [InlineData("/~", "~1~0")]
    [InlineData("~01", "~001")] // not "~1" read back as "/": the tilde is escaped first
    [InlineData("~1", "~01")]
    [InlineData("a//b~~", "a~1~1b~0~0")]
    [InlineData("", "")]
    [InlineData("héllo/wörld", "héllo~1wörld")]
    public void Escapes_tilde_and_slash(string token, string expected)
    {
        var utf8 = Encoding.UTF8.GetBytes(token);
        var destination = new byte[JsonPointer.EscapedLength(utf8)];

        var written = JsonPointer.WriteEscaped(utf8, destination);

        Assert.Equal(destination.Length, written);
        Assert.Equal(expected, Encoding.UTF8.GetString(destination));
    }

    [Theory]
    [InlineData("~01")]
    [InlineData("~1")]
    [InlineData("a/~b~/")]
    public void Escaping_round_trips_through_RFC_6901_unescaping(string token)
    {
        var utf8 = Encoding.UTF8.GetBytes(token);
        var destination = new byte[JsonPointer.EscapedLength(utf8)];
        JsonPointer.WriteEscaped(utf8, destination);

        // RFC 6901 section 4: first ~1 to /, then ~0 to ~.
        var unescaped = Encoding.UTF8.GetString(destination).Replace("~1", "/").Replace("~0", "~");

        Assert.Equal(token, unescaped);
    }
}
