using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>Every conformance case against the engine directly: the fastest way to see a semantic failure.</summary>
public sealed class EngineConformanceTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void Case_passes(string file)
    {
        var testCase = ConformanceCase.Load(file);
        var holder = new SnapshotHolder();
        holder.Publish(holder.Current.ReplaceAll(testCase.PodDefaultElements().Select(pd => PodDefaultParser.Parse(pd))));
        var engine = new AdmissionEngine(holder);
        var uid = Guid.NewGuid().ToString();
        using var response = new PooledBufferWriter();

        using (engine.Review(System.Text.Encoding.UTF8.GetBytes(testCase.BuildReview(uid)), response))
        {
        }

        ConformanceJudge.Judge(testCase, uid, System.Text.Encoding.UTF8.GetString(response.WrittenSpan));
    }
}
