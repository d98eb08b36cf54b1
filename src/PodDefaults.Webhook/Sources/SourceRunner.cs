namespace PodDefaults.Webhook.Sources;

/// <summary>Runs the configured source for the life of the host.</summary>
internal sealed class SourceRunner(IPodDefaultSource source, IHostApplicationLifetime lifetime, ILogger<SourceRunner> logger) : BackgroundService
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
            logger.LogCritical(error, "The PodDefault source failed: {Reason}", error.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
