using BenchmarkDotNet.Attributes;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;

namespace PodDefaults.Benchmarks.Admission;

/// <summary>
/// Where A's time goes: the one-pass read of the review (envelope and pod shape) alone, beside a bare
/// <see cref="System.Text.Json.Utf8JsonReader"/> walk of the same bytes (the floor of any tokenizing read).
/// </summary>
public class DecodeBenchmarks
{
    private readonly AdmissionRequest request = new();
    private byte[] review = [];

    [Params(PodSize.Small, PodSize.Large)]
    public PodSize Pod { get; set; }

    [GlobalSetup]
    public void Setup() => review = BenchCorpus.Review(Pod, matching: true);

    [Benchmark(Description = "decode: review + pod shape")]
    public int Decode()
    {
        request.Reset();
        AdmissionReviewReader.Read(review, request);
        return request.Pod.Containers.Count;
    }

    [Benchmark(Description = "decode: Utf8JsonReader, every token")]
    public int Tokens()
    {
        var reader = new System.Text.Json.Utf8JsonReader(review);
        var count = 0;
        while (reader.Read())
            count++;
        return count;
    }
}
