using System.Diagnostics;
using Xunit.Sdk;

namespace PodDefaults.Tests.Deploy;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c>, exactly as an SRE would.</summary>
internal static class Kustomize
{
    public static string Render(string relativeDirectory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", RepositoryPaths.Of(relativeDirectory)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var kubectl = Process.Start(start)
            ?? throw new XunitException("kubectl could not be started; it must be on PATH.");
        var stdout = kubectl.StandardOutput.ReadToEndAsync();
        var stderr = kubectl.StandardError.ReadToEndAsync();
        // Only a guard against a hung process, not a speed check.
        if (!kubectl.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            kubectl.Kill();
            throw new XunitException($"kubectl kustomize {relativeDirectory} did not finish.");
        }
        if (kubectl.ExitCode != 0)
        {
            throw new XunitException(
                $"kubectl kustomize {relativeDirectory} failed (exit {kubectl.ExitCode}):\n{stderr.Result}");
        }
        return stdout.Result;
    }
}
