using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>
/// One entry of a pod's list or map, by position in the request: for a map, the member name and its value;
/// for a list, the item and the member that identifies it (<c>name</c>, <c>mountPath</c>), if any.
/// </summary>
public readonly record struct JsonEntry(JsonString Key, JsonRange Value);
