namespace PodDefaults.Webhook.Server;

/// <summary>A request body read whole into a buffer counted by the <see cref="RequestBodyBudget"/>; dispose to give it back.</summary>
internal readonly struct RequestBody : IDisposable
{
    private readonly byte[]? buffer;
    private readonly RequestBodyBudget? budget;

    public RequestBody(byte[] buffer, int length, RequestBodyBudget budget)
    {
        this.buffer = buffer;
        this.budget = budget;
        Length = length;
        Status = RequestBodyStatus.Read;
    }

    private RequestBody(RequestBodyStatus status) => Status = status;

    /// <summary>Whether the body was read, or why not (nothing is kept then).</summary>
    public RequestBodyStatus Status { get; }

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, Length);

    public int Length { get; }

    public static RequestBody NotRead(RequestBodyStatus status) => new(status);

    public void Dispose()
    {
        if (buffer is not null)
            budget!.Return(buffer);
    }
}
