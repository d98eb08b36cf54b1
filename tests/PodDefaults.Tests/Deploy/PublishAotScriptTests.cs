using System.Diagnostics;
using System.Runtime.Versioning;
using Xunit.Sdk;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// build/publish-aot.sh's verdict on what <c>dotnet publish</c> printed, with a stand-in <c>dotnet</c>
/// on PATH (a real AOT publish takes minutes; CI runs the real one).
/// </summary>
[UnsupportedOSPlatform("windows")] // A bash script, as in CI and the image build.
public sealed class PublishAotScriptTests : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("publish-aot-").FullName;

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    [Fact]
    public void Clean_publish_passes()
    {
        var run = Publish(FakeDotnet("  PodDefaults.Webhook -> /out/", exitCode: 0, writesBinary: true));

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Theory]
    [InlineData("/src/Foo.cs(3,5): warning IL2026: Using member 'X' which has 'RequiresUnreferencedCodeAttribute'")]
    [InlineData("ILC : AOT analysis warning IL3050: Y: Using member 'Z' which has 'RequiresDynamicCodeAttribute'")]
    [InlineData("ILC : Trim analysis warning IL2104: Assembly 'Some.Library' produced trim warnings.")]
    public void Trim_or_aot_warning_fails_the_publish(string warning)
    {
        var run = Publish(FakeDotnet(warning, exitCode: 0, writesBinary: true));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(warning.Split(": ")[0].Split(' ').Last(), run.Output);
        Assert.Contains("trim/AOT warnings", run.Output);
    }

    [Fact]
    public void Other_warnings_do_not_fail_the_publish()
    {
        var run = Publish(FakeDotnet("/src/Foo.cs(3,5): warning CS0618: obsolete", exitCode: 0, writesBinary: true));

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public void Failed_publish_fails_with_its_exit_code()
    {
        var run = Publish(FakeDotnet("error CS1002: ; expected", exitCode: 3, writesBinary: false));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("dotnet publish failed", run.Output);
    }

    [Fact]
    public void Publish_without_a_binary_fails()
    {
        var run = Publish(FakeDotnet("nothing happened", exitCode: 0, writesBinary: false));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was not produced", run.Output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--arch x64")]
    [InlineData("--arch amd64")] // Docker's TARGETARCH, as Dockerfile.aot passes it.
    public void Default_and_x64_publish_for_linux_x64(string archArguments)
    {
        var bin = FakeDotnet("  PodDefaults.Webhook -> /out/", exitCode: 0, writesBinary: true);

        var run = Run(bin, [.. archArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), Path.Combine(sandbox, "out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("publish src/PodDefaults.Webhook -c Release -r linux-x64 -o " + Path.Combine(sandbox, "out"),
            File.ReadAllText(Path.Combine(bin, "args")).Trim());
    }

    [Theory]
    [InlineData("riscv64")]
    [InlineData("")]
    public void Unknown_architecture_is_refused(string arch)
    {
        var run = Run(FakeDotnet("", exitCode: 0, writesBinary: true), ["--arch", arch, Path.Combine(sandbox, "out")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown architecture", run.Output);
    }

    [Fact]
    public void Arch_without_an_output_directory_is_a_usage_error()
    {
        var run = Run(Path.Combine(sandbox, "bin"), ["--arch", "arm64"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.Output);
    }

    [Fact]
    public void Output_directory_is_required()
    {
        var run = Run(Path.Combine(sandbox, "bin"), []);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.Output);
    }

    // A dotnet that records its arguments, prints one line and, like the real publish, writes OUTPUT_DIR/poddefaults.
    private string FakeDotnet(string line, int exitCode, bool writesBinary)
    {
        var bin = Directory.CreateDirectory(Path.Combine(sandbox, "bin")).FullName;
        var script = $$"""
            #!/usr/bin/env bash
            printf '%s\n' "$*" > "$(dirname "$0")/args"
            out=""; while [[ $# -gt 0 ]]; do [[ $1 == -o ]] && out=$2; shift; done
            printf '%s\n' '{{line.Replace("'", "'\\''")}}'
            {{(writesBinary ? "mkdir -p \"$out\" && printf '' > \"$out/poddefaults\" && chmod +x \"$out/poddefaults\"" : ":")}}
            exit {{exitCode}}
            """;
        var path = Path.Combine(bin, "dotnet");
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    private (int ExitCode, string Output) Publish(string fakeDotnetDirectory) =>
        Run(fakeDotnetDirectory, [Path.Combine(sandbox, "out")]);

    // The script runs from a copy in the sandbox: it cleans Release output under its repository root.
    private (int ExitCode, string Output) Run(string fakeDotnetDirectory, string[] arguments)
    {
        var script = Path.Combine(Directory.CreateDirectory(Path.Combine(sandbox, "repo", "build")).FullName, "publish-aot.sh");
        File.Copy(RepositoryPaths.Of("build/publish-aot.sh"), script, overwrite: true);
        var start = new ProcessStartInfo("bash", [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{fakeDotnetDirectory}:{Environment.GetEnvironmentVariable("PATH")}";
        using var bash = Process.Start(start) ?? throw new XunitException("bash could not be started.");
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        // Only a guard against a hung process, not a speed check.
        if (!bash.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            bash.Kill();
            throw new XunitException("publish-aot.sh did not finish.");
        }
        return (bash.ExitCode, stdout.Result + stderr.Result);
    }
}
