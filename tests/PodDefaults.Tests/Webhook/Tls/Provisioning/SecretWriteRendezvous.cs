namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary>
/// Holds each replica's first write of the Secret until every replica has sent one: all of them read the Secret
/// empty and race to fill it, instead of the first one finishing before the others look.
/// </summary>
internal sealed class SecretWriteRendezvous(int replicas)
{
    private readonly int expected = replicas;
    private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;

    public HttpMessageHandler Handler() => new Gate(this);

    private sealed class Gate(SecretWriteRendezvous rendezvous) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int held;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/secrets/", StringComparison.Ordinal)
                && Interlocked.Exchange(ref held, 1) == 0)
            {
                if (Interlocked.Increment(ref rendezvous.arrived) == rendezvous.expected)
                    rendezvous.all.TrySetResult();
                // Bounded: a replica that never writes must not hang the test, only fail its assertions.
                await rendezvous.all.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
