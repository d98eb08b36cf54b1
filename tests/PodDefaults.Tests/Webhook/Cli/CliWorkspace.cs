using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.Webhook.Cli;

/// <summary>A temporary folder for a pod file and a --defaults folder, and a way to run commands in process.</summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("poddefaults-cli-").FullName;
        Defaults = Directory.CreateDirectory(Path.Combine(Root, "defaults")).FullName;
    }

    public string Root { get; }

    /// <summary>The --defaults folder.</summary>
    public string Defaults { get; }

    /// <summary>Writes a file under <see cref="Root"/> and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a PodDefault file into the --defaults folder and returns its path.</summary>
    public string WriteDefaults(string name, string text) => Write(Path.Combine("defaults", name), text);

    /// <summary>Runs <c>poddefaults ARGS</c> through the same dispatch as the executable.</summary>
    public static CliResult Run(params string[] args) => RunWithStdin("", args);

    public static CliResult RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = PodDefaults.Webhook.Cli.Cli.Run(args, new StringReader(stdin), stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>What a command did: its exit status and everything it wrote.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout, YAML read back with the product's converter, as JSON.</summary>
    public JsonNode? YamlOutput() => JsonNode.Parse(YamlToJson.Convert(Stdout).Single().Json);

    public JsonNode? JsonOutput() => JsonNode.Parse(Stdout);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
