using PodDefaults.Core.Patch;

namespace PodDefaults.Tests.Core.Patch;

public sealed class PatchPathTests
{
    private static string Build(string prefix, string key)
    {
        var keyUtf8 = Encoding.UTF8.GetBytes(key);
        var buffer = new byte[PatchPath.SizeFor(prefix.Length, keyUtf8)];
        var path = new PatchPath(buffer).Append(Encoding.UTF8.GetBytes(prefix)).AppendKey(keyUtf8);
        Assert.Equal(buffer.Length, path.Value.Length); // SizeFor is exact, not just enough
        return Encoding.UTF8.GetString(path.Value);
    }

    [Theory]
    [InlineData("app", "/metadata/labels/app")]
    [InlineData("example.com/team", "/metadata/labels/example.com~1team")]
    [InlineData("a~b", "/metadata/labels/a~0b")]
    [InlineData("a~b/c", "/metadata/labels/a~0b~1c")]
    [InlineData("~01", "/metadata/labels/~001")]
    [InlineData("/", "/metadata/labels/~1")]
    [InlineData("~", "/metadata/labels/~0")]
    public void Keys_are_escaped_per_RFC_6901(string key, string expected) =>
        Assert.Equal(expected, Build("/metadata/labels", key));

    [Fact]
    public void Indexes_and_literals_are_appended_as_they_are()
    {
        var buffer = new byte[64];
        var path = new PatchPath(buffer).Append("/spec/containers"u8).AppendIndex(12).Append("/env"u8).Append("/-"u8);
        Assert.Equal("/spec/containers/12/env/-", Encoding.UTF8.GetString(path.Value));
    }
}
