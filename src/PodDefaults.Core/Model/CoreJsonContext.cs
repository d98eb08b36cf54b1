using System.Text.Json;
using System.Text.Json.Serialization;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Model;

/// <summary>Source-generated serialization for the few values the core serializes; no reflection.</summary>
/// <remarks>
/// It writes PodDefault values as deep as the readers accept them (the default depth, 64, made a PodDefault
/// nested 70 levels throw out of the parser).
/// </remarks>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(WriteIndented = false, MaxDepth = JsonLimits.MaxDepth)]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
