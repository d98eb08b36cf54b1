using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.NativeAot;

namespace PodDefaults.Benchmarks.Config;

/// <summary>
/// Every suite runs on the JIT (as the tests do) and as Native AOT (as the webhook ships), with allocations
/// measured. 10 iterations (the table reports their median): stable enough on a shared 2-core machine, short
/// enough that every suite runs in one sitting.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(bool jit, bool aot)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithOptions(ConfigOptions.JoinSummary)
            .HideColumns("Error", "RatioSD", "Alloc Ratio")
            // ILC takes minutes for a benchmark program on a busy 2-core machine; the default is 2.
            .WithBuildTimeout(TimeSpan.FromMinutes(20));
        var job = Job.Default.WithWarmupCount(3).WithIterationCount(10);
        if (jit)
            config = config.AddJob(job.WithRuntime(CoreRuntime.Core10_0).WithId("JIT"));
        if (aot)
        {
            // No ILCompiler version named: the SDK's own is used, as build/publish-aot.sh uses it. The code generation
            // is the webhook's (its csproj): BenchmarkDotNet would otherwise compile for this machine's instruction
            // set ("native": AVX-512 here), which the shipped binary does not use.
            config = config.AddJob(job.WithRuntime(NativeAotRuntime.Net10_0)
                .WithToolchain(NativeAotToolchain.CreateBuilder().UseNuGet().IlcOptimizationPreference("Speed").IlcInstructionSet("")
                    .TargetFrameworkMoniker("net10.0").ToToolchain())
                .WithId("NativeAOT"));
        }
        return config;
    }
}
