using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>How <c>serve</c> runs the file source: whenever <c>--defaults</c> is given.</summary>
public static class FileSourceRegistration
{
    /// <summary>The file source of <c>--defaults</c>, or null without it. The path is checked now: a wrong one fails the start.</summary>
    /// <exception cref="SourceStartException">The path does not exist.</exception>
    public static Func<IServiceProvider, IPodDefaultSource>? For(ServeOptions options)
    {
        if (options.DefaultsPath is not { } defaults)
            return null;
        DefaultsPath path;
        try
        {
            path = new DefaultsPath(defaults);
        }
        catch (FileNotFoundException error)
        {
            throw new SourceStartException(error.Message);
        }
        return services => new FilePodDefaultSource(path, services.GetRequiredService<SnapshotHolder>(),
            services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<FilePodDefaultSource>>(),
            FilePodDefaultSource.DefaultPollInterval);
    }
}
