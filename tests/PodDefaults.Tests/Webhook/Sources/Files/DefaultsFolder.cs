using PodDefaults.Core.Fields;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Files;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>A temporary <c>--defaults</c> folder, the snapshot a source publishes from it, and what it logs.</summary>
public sealed class DefaultsFolder : IDisposable
{
    private readonly TempDirectory dir = new();

    public string Path => dir.Path;

    public SnapshotHolder Snapshots { get; } = new();

    public SourceStatus Status { get; } = new(TimeProvider.System);

    public RecordingLogger<FilePodDefaultSource> Log { get; } = new();

    public void Dispose()
    {
        // A test may leave a folder unlistable behind: undo what blocks the cleanup (without following links: loops).
        if (!OperatingSystem.IsWindows())
        {
            foreach (var folder in Directory.EnumerateDirectories(dir.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                System.IO.File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        dir.Dispose();
    }

    public string File(string name) => dir.File(name);

    /// <param name="settle">Zero reads a change at once; the real default otherwise.</param>
    public FilePodDefaultSource Source(TimeSpan? settle = null, TimeSpan? poll = null, DefaultsPath? path = null) =>
        new(path ?? new DefaultsPath(Path), Snapshots, Status, Log, poll ?? Timeout.InfiniteTimeSpan, settle ?? TimeSpan.Zero);

    public string Write(string name, string text)
    {
        var path = dir.File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Rewrites a file in one step (write beside it, rename over it), as editors and ConfigMap volumes do.</summary>
    public void Replace(string name, string text)
    {
        var temporary = dir.File(name + ".tmp");
        System.IO.File.WriteAllText(temporary, text);
        System.IO.File.Move(temporary, dir.File(name), overwrite: true);
    }

    public IReadOnlyList<string> Names(string @namespace = "team") =>
        [.. Snapshots.Current.InNamespace(@namespace).Select(pd => pd.Name)];

    public PodDefault? Find(string name) => Snapshots.Current.InNamespace("team").SingleOrDefault(pd => pd.Name == name);

    public string? Label(string name) => Find(name)?.Spec[PodDefaultFields.Labels].SingleOrDefault()?.Value.GetString();

    public static string PodDefault(string name, string labels = "v: x") => $"""
        apiVersion: kubeflow.org/v1alpha1
        kind: PodDefault
        metadata:
          name: {name}
          namespace: team
        spec:
          selector: {"{}"}
          labels: {"{"}{labels}{"}"}

        """;

    /// <summary>Several PodDefaults as one multi-document file.</summary>
    public static string Many(IEnumerable<string> names, string labels = "v: x") =>
        string.Join("---\n", names.Select(name => PodDefault(name, labels)));

    /// <summary>Runs a source's loop for the length of a test.</summary>
    public static async Task RunAsync(FilePodDefaultSource source, Func<Task> test)
    {
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);
        try
        {
            await test();
            Xunit.Assert.False(running.IsCompleted, $"the source stopped: {running.Exception?.InnerException}");
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
