namespace PodDefaults.Tests.TestSupport;

/// <summary>The recorder copy behaves as upstream's own tests say (k8s.io/apiserver warning_test.go).</summary>
public sealed class ApiServerWarningRecorderTests
{
    [Fact]
    public void Empty_text_is_ignored_duplicates_are_dropped_and_order_is_kept()
    {
        Assert.Empty(ApiServerWarningRecorder.Receive([""]));
        Assert.Equal(["mytext"], ApiServerWarningRecorder.Receive(["mytext", "mytext"]));
        Assert.Equal(["mytext1", "mytext2", "mytext3"], ApiServerWarningRecorder.Receive(["mytext1", "mytext2", "mytext3"]));
    }

    [Theory]
    [InlineData("my\ntext")]
    [InlineData("tab\there")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    public void Text_a_header_cannot_carry_is_dropped(string text) =>
        Assert.Empty(ApiServerWarningRecorder.Receive([text]));

    [Fact]
    public void Text_with_a_lone_surrogate_is_invalid_UTF_8_and_dropped() =>
        Assert.Empty(ApiServerWarningRecorder.Receive(["lone " + (char)0xD800]));

    [Fact]
    public void Past_the_total_every_warning_is_cut_and_the_rest_dropped()
    {
        var recorder = new ApiServerWarningRecorder(totalRunes: 25, itemRunes: 5);
        foreach (var text in new[] { "aaaaaaaaaa", "aaaaaaaaaa", "bb", "ccc", "Iñtërnâtiô" })
            recorder.AddWarning(text);
        Assert.Equal(["aaaaaaaaaa", "bb", "ccc", "Iñtërnâtiô"], recorder.Received);

        foreach (var text in new[] { "e", "ffffffffff", "ffffffffff", "gggggggggg", "h" })
            recorder.AddWarning(text);
        Assert.Equal(["aaaaa", "bb", "ccc", "Iñtër", "e", "fffff", "ggggg"], recorder.Received);
    }
}
