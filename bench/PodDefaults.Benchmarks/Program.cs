using BenchmarkDotNet.Running;
using PodDefaults.Benchmarks.Baseline;
using PodDefaults.Benchmarks.Config;
using PodDefaults.Benchmarks.Corpus;

// bench/README.md:  corpus DIR | standin-corpus DIR NAMESPACES | verify | [--jit|--aot] BenchmarkDotNet arguments
switch (args.FirstOrDefault())
{
    case "corpus" when args.Length == 2:
        LoadTestCorpus.Write(args[1]);
        return 0;
    case "standin-corpus" when args.Length == 3:
        LoadTestCorpus.WriteForStandIn(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "verify":
        return BaselineVerification.Run();
}

var jit = !args.Contains("--aot");
var aot = !args.Contains("--jit");
var rest = args.Where(arg => arg is not ("--jit" or "--aot")).ToArray();
BenchmarkSwitcher.FromAssembly(typeof(BenchCorpus).Assembly).Run(rest, BenchConfig.Create(jit, aot));
return 0;
