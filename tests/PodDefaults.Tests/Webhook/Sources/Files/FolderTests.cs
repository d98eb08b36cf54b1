namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>The file source's tests: each gets a fresh <see cref="DefaultsFolder"/>, removed after it.</summary>
public abstract class FolderTests : IDisposable
{
    protected readonly DefaultsFolder folder = new();

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
