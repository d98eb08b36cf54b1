
namespace PodDefaults.ApiServerStandIn;

/// <summary>The queue of one-shot faults, and how the server misbehaves for each.</summary>
internal sealed class FaultInjector
{
    private readonly List<Fault> faults = [];

    public void Inject(Fault fault)
    {
        lock (faults)
            faults.Add(fault);
    }

    /// <summary>The first fault waiting for <paramref name="target"/>, removed from the queue.</summary>
    public Fault? Take(FaultTarget target)
    {
        lock (faults)
        {
            var fault = faults.FirstOrDefault(f => f.Target == target);
            if (fault is not null)
                faults.Remove(fault);
            return fault;
        }
    }

    /// <returns>True when the request is then to be answered normally.</returns>
    public static async Task<bool> MisbehaveAsync(HttpContext context, Fault fault, CancellationToken serverStopping)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        switch (fault.Kind)
        {
            case FaultKind.Status:
                await StandInApiServer.WriteStatusAsync(context, fault.Code, $"injected {fault.Code}");
                return false;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return !gone.IsCancellationRequested;
            case FaultKind.HangAfterHeaders:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.StartAsync(serverStopping);
                await context.Response.Body.FlushAsync(serverStopping);
                goto case FaultKind.Hang;
            case FaultKind.Hang:
                await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Abort();
                return false;
            default:
                context.Abort();
                return false;
        }
    }
}
