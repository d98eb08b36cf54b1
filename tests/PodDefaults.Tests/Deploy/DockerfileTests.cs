using System.Text.RegularExpressions;

namespace PodDefaults.Tests.Deploy;

/// <summary>The image and the manifests must agree; building the image needs Docker, which CI lacks.</summary>
public partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.Of("Dockerfile.aot"));

    [Fact]
    public void Runs_as_the_uid_the_deployment_requires()
    {
        var podSecurity = RenderedManifests.Base.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!["securityContext"]!;

        Assert.Equal(((long)podSecurity["runAsUser"]!).ToString(), Instruction("USER"));
    }

    [Fact]
    public void Exposes_the_port_the_deployment_serves_on()
    {
        var port = RenderedManifests.Base.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!;

        Assert.Equal(((long)port["containerPort"]!).ToString(), Instruction("EXPOSE"));
    }

    [Fact]
    public void Builds_with_the_ci_script_and_ships_only_the_binary_on_a_chiseled_base()
    {
        var stages = Lines.Where(l => l.StartsWith("FROM ")).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 ", stages[0]);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", stages[1]);
        Assert.Contains("RUN bash build/publish-aot.sh --arch \"${TARGETARCH:-amd64}\" /out", Lines);
        Assert.Equal("--from=build /out/poddefaults /app/poddefaults", Instruction("COPY", finalStageOnly: true));
        // Kubernetes args replace CMD: the Deployment's "serve --tls-cert ..." must not follow a "serve" in ENTRYPOINT.
        Assert.Equal("[\"/app/poddefaults\"]", Instruction("ENTRYPOINT"));
        Assert.Equal("[\"serve\"]", Instruction("CMD"));
    }

    [Fact]
    public void Multi_platform_build_cross_compiles_on_the_builder_for_the_target_architecture()
    {
        // The build stage runs natively on the builder; only the runtime stage is the target platform's.
        Assert.Contains("ARG BUILDARCH TARGETARCH", Lines);
        Assert.DoesNotContain(Lines, l => l.StartsWith("FROM --platform=$TARGETPLATFORM"));
        var restore = Instruction("RUN dotnet");
        Assert.Contains("restore src/PodDefaults.Webhook -r linux-$(echo \"${TARGETARCH:-amd64}\" | sed s/amd64/x64/)", restore);

        // The image installs the cross toolchain publish-aot.sh would otherwise install itself on every build.
        var script = File.ReadAllText(RepositoryPaths.Of("build/publish-aot.sh"));
        var crossPackages = CrossPackages().Match(string.Join('\n', Lines)).Groups[1].Value.Split(' ');
        Assert.Equal(["gcc-aarch64-linux-gnu", "libc6-dev-arm64-cross"], crossPackages);
        Assert.Contains($"packages+=({string.Join(' ', crossPackages)})", script);
    }

    [GeneratedRegex(@"\[ ""\$BUILDARCH"" = amd64 \] && \[ ""\$TARGETARCH"" = arm64 \] && echo ([a-z0-9 -]+)\)")]
    private static partial Regex CrossPackages();

    private static string Instruction(string name, bool finalStageOnly = false)
    {
        var lines = finalStageOnly ? Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps")) : Lines;
        return lines.Where(l => l.StartsWith(name + " ")).Select(l => l[(name.Length + 1)..].Trim()).Single();
    }
}
