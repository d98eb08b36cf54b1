namespace PodDefaults.Webhook.Json;

/// <summary>A JSON Patch that cannot be applied: which operation, and why.</summary>
public sealed class JsonPatchException(string message) : Exception(message);
