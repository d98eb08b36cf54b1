namespace PodDefaults.ApiServerStandIn;

/// <summary>Which requests a fault waits for.</summary>
public enum FaultTarget
{
    /// <summary>A LIST without a continue token (the first page).</summary>
    List,

    /// <summary>A LIST page asked for with a continue token.</summary>
    ListContinue,

    Watch,
}

/// <summary>What the server does to the request a fault catches.</summary>
public enum FaultKind
{
    /// <summary>Answer with a Status body of <see cref="Fault.Code"/> (500, 503, 410...).</summary>
    Status,

    /// <summary>Never answer, not even headers, until the client gives up.</summary>
    Hang,

    /// <summary>Watch only: send 200 and headers, then nothing, never close.</summary>
    HangAfterHeaders,

    /// <summary>Wait <see cref="Fault.Delay"/>, then answer normally.</summary>
    Slow,

    /// <summary>Reset the connection without an answer.</summary>
    Abort,
}

/// <summary>A one-shot misbehaviour for the next request of its target.</summary>
/// <param name="Before">Runs when the fault catches its request, before the server misbehaves (to change state in between pages).</param>
public sealed record Fault(FaultTarget Target, FaultKind Kind, int Code = 500, TimeSpan Delay = default, Action? Before = null);
