namespace PodDefaults.Webhook.Sources;

/// <summary>Runs the configured source for the life of the host.</summary>
internal sealed partial class SourceRunner(IPodDefaultSource source, IHostApplicationLifetime lifetime, ILogger<SourceRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await source.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // A source only gives up on errors that cannot heal (a --defaults path that does not exist).
            LogFailed(logger, error, error.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = LogEvents.SourceFailed, Level = LogLevel.Critical, Message = "The PodDefault source failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception error, string reason);
}
