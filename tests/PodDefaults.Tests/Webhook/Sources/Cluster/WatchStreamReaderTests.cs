using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

public sealed class WatchStreamReaderTests
{
    private const string Added = """{"type":"ADDED","object":{"metadata":{"namespace":"ns","name":"é","resourceVersion":"7"}}}""";
    private const string Bookmark = """{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"9"}}}""";

    [Fact]
    public async Task Event_split_at_every_byte_offset_reads_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Added + "\n" + Bookmark + "\n");
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var lines = await ReadAllAsync(ChunkedStream.Of(bytes[..cut], bytes[cut..]));

            Assert.Equal(2, lines.Count);
            Assert.Equal(WatchEventType.Added, lines[0].Event.Type);
            Assert.Equal("é", ObjectMetadata.Name(lines[0].Event.Object));
            Assert.Equal("9", ObjectMetadata.ResourceVersion(lines[1].Event.Object));
        }
    }

    [Fact]
    public async Task Event_arriving_one_byte_per_read_is_parsed_once_whole()
    {
        var bytes = Encoding.UTF8.GetBytes(Added + "\r\n\n");
        var lines = await ReadAllAsync(ChunkedStream.Of([.. bytes.Select(b => new[] { b })]));

        var line = Assert.Single(lines);
        Assert.False(line.IsMalformed);
    }

    [Fact]
    public async Task Parsed_events_outlive_the_reader_buffers()
    {
        var stream = ChunkedStream.Of(Encoding.UTF8.GetBytes(Added + "\n" + new string(' ', 100_000) + Bookmark + "\n"));
        var lines = await ReadAllAsync(stream);

        Assert.Equal("ns", ObjectMetadata.Namespace(lines[0].Event.Object));
        Assert.Equal(WatchEventType.Bookmark, lines[1].Event.Type);
    }

    [Fact]
    public async Task Line_over_the_limit_is_discarded_up_to_its_newline_and_reading_goes_on()
    {
        var huge = "{\"type\":\"ADDED\",\"object\":{\"x\":\"" + new string('x', 5000) + "\"}}";
        var stream = ChunkedStream.Of(Encoding.UTF8.GetBytes(huge[..2000]), Encoding.UTF8.GetBytes(huge[2000..] + "\n" + Bookmark + "\n"));
        var lines = await ReadAllAsync(stream, maxEventBytes: 1024);

        Assert.Equal(2, lines.Count);
        Assert.Contains("longer than 1024 bytes", lines[0].Error);
        Assert.Equal(WatchEventType.Bookmark, lines[1].Event.Type);
    }

    [Theory]
    [InlineData("garbage", "not JSON")]
    [InlineData("[1,2]", "expected an object")]
    [InlineData("{\"type\":\"ADDED\"}", "no \"object\"")]
    [InlineData("{\"object\":{}}", "no \"type\"")]
    [InlineData("{\"type\":\"RENAMED\",\"object\":{}}", "unknown event type")]
    [InlineData("{\"type\":\"ADDED\",\"object\":{}} {}", "not JSON")]
    public async Task Malformed_lines_are_reported_and_the_next_line_still_reads(string bad, string reason)
    {
        var lines = await ReadAllAsync(ChunkedStream.Of(Encoding.UTF8.GetBytes(bad + "\n" + Bookmark + "\n")));

        Assert.Contains(reason, lines[0].Error);
        Assert.Equal(WatchEventType.Bookmark, lines[1].Event.Type);
    }

    [Fact]
    public async Task Stream_ending_in_the_middle_of_an_event_is_an_error()
    {
        var stream = ChunkedStream.Of(Encoding.UTF8.GetBytes(Bookmark + "\n" + Added[..20]));
        var lines = new List<WatchLine>();

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var line in Reader(stream).ReadLinesAsync())
                lines.Add(line);
        });
        Assert.Single(lines);
    }

    [Fact]
    public async Task Silence_past_the_idle_timeout_cancels_the_deadline()
    {
        var stream = new ChunkedStream();
        stream.Write(Encoding.UTF8.GetBytes(Bookmark + "\n"));
        using var deadline = new CancellationTokenSource();
        var reader = new WatchStreamReader(stream, 1 << 20, TimeSpan.FromMilliseconds(200), deadline);
        var lines = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in reader.ReadLinesAsync())
                lines++;
        });
        Assert.Equal(1, lines);
        Assert.True(deadline.IsCancellationRequested);
    }

    private static WatchStreamReader Reader(Stream stream, int maxEventBytes = 1 << 20) =>
        new(stream, maxEventBytes, TimeSpan.FromSeconds(30), new CancellationTokenSource());

    private static async Task<List<WatchLine>> ReadAllAsync(Stream stream, int maxEventBytes = 1 << 20)
    {
        var lines = new List<WatchLine>();
        await foreach (var line in Reader(stream, maxEventBytes).ReadLinesAsync())
            lines.Add(line);
        return lines;
    }
}
