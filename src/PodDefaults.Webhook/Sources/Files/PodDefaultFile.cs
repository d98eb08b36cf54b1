using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>What one file holds: its PodDefaults, and the problems that kept others out.</summary>
/// <param name="Readable">False when the file as a whole could not be read (a YAML syntax error, I/O).</param>
public sealed record PodDefaultFile(string Path, IReadOnlyList<PodDefault> PodDefaults, IReadOnlyList<FileProblem> Problems, bool Readable);
