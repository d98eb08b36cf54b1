using System.Diagnostics;
using PodDefaults.Benchmarks.Corpus;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Buffers;
using PodDefaults.Core.Selection;

// poddefaults-profile OPERATION SIZE COUNT: repeats one operation COUNT times after a warm-up of COUNT / 10, and
// prints the process CPU time per operation (user + system: unlike wall time, not inflated by other processes).
//   OPERATION  admit (3 PodDefaults match, namespace of 50) | nomatch | decode
//   SIZE       Small | Medium | Large | Istio (one PodDefault matches: admit is a 1-match admission)
if (args.Length != 3 || !Enum.TryParse<PodSize>(args[1], out var size) || !int.TryParse(args[2], out var count))
{
    Console.Error.WriteLine("usage: poddefaults-profile admit|nomatch|decode Small|Medium|Large|Istio COUNT");
    return 2;
}

var holder = new SnapshotHolder();
holder.Publish(PodDefaultSnapshot.Empty.ReplaceAll(BenchCorpus.PodDefaults(BenchCorpus.Namespace, 50)));
var engine = new AdmissionEngine(holder);
var review = BenchCorpus.Review(size, matching: args[0] != "nomatch");
var request = new AdmissionRequest();
using var response = new PooledBufferWriter();

Action operation = args[0] switch
{
    "admit" or "nomatch" => () =>
    {
        response.Clear();
        using var admission = engine.Review(review, response);
    },
    "decode" => () =>
    {
        request.Reset();
        AdmissionReviewReader.Read(review, request);
    },
    _ => throw new ArgumentException($"unknown operation {args[0]}"),
};

for (var i = 0; i < count / 10; i++)
    operation();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var allocated = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < count; i++)
    operation();
var perOp = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count;
Console.WriteLine($"{args[0]} {size} ({review.Length} B): {perOp:F2} us CPU, {bytes:F0} B allocated per operation");
return 0;
