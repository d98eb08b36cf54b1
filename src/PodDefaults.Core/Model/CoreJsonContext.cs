using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodDefaults.Core.Model;

/// <summary>Source-generated serialization for the few values the core serializes; no reflection.</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
