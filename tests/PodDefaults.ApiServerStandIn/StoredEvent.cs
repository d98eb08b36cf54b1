namespace PodDefaults.ApiServerStandIn;

/// <summary>One change in the store's history, already serialized as the watch line the server sends.</summary>
public sealed record StoredEvent(long ResourceVersion, string Type, byte[] Line);
