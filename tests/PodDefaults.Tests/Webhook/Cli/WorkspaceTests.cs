namespace PodDefaults.Tests.Webhook.Cli;

/// <summary>The CLI's tests: each gets a fresh <see cref="CliWorkspace"/>, removed after it.</summary>
public abstract class WorkspaceTests : IDisposable
{
    protected readonly CliWorkspace workspace = new();

    public void Dispose()
    {
        workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
