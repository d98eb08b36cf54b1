namespace PodDefaults.Tests.Fuzz;

/// <summary>
/// How many cases each fuzz property tries. The normal test run keeps it small (a few seconds in all); a longer
/// run raises it with an environment variable, e.g.
/// <c>PODDEFAULTS_FUZZ_ITER=200000 dotnet test tests/PodDefaults.Tests -c Release --filter "FullyQualifiedName~Fuzz"</c>.
/// </summary>
internal static class FuzzIterations
{
    public static int Count(int normal) =>
        int.TryParse(Environment.GetEnvironmentVariable("PODDEFAULTS_FUZZ_ITER"), out var iterations) && iterations > 0 ? iterations : normal;
}
