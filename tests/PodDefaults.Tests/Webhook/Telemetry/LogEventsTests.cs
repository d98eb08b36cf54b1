using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PodDefaults.Tests.Deploy;
using PodDefaults.Webhook;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>Every log message has its own stable id, taken from the one list in <see cref="LogEvents"/>.</summary>
public sealed partial class LogEventsTests
{
    private static readonly IReadOnlyList<(string Name, int Id)> Listed = typeof(LogEvents)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (field.Name, (int)field.GetRawConstantValue()!))
        .ToList();

    [Fact]
    public void The_list_has_no_id_twice()
    {
        Assert.Empty(Listed.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}"));
    }

    [Fact]
    public void Every_logger_message_of_the_webhook_has_a_listed_id_of_its_own()
    {
        var messages = typeof(LogEvents).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.Name}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        var ids = Listed.Select(e => e.Id).ToHashSet();
        Assert.Empty(messages.Where(m => !ids.Contains(m.Attribute!.EventId)).Select(m => $"{m.Method}: {m.Attribute!.EventId}"));
        Assert.Empty(messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}"));
        // And no id in the list that no message uses: a removed message takes its constant with it.
        Assert.Empty(Listed.Where(e => !messages.Any(m => m.Attribute!.EventId == e.Id)).Select(e => e.Name));
    }

    [Fact]
    public void Every_logger_message_in_the_source_names_its_id_from_the_list()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var attributes = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LoggerMessageAttribute().Matches(File.ReadAllText(path)).Select(match => (Path: Path.GetRelativePath(source, path), Text: match.Value)))
            .ToList();

        Assert.NotEmpty(attributes);
        Assert.Empty(attributes.Where(a => !a.Text.Contains("EventId = LogEvents.", StringComparison.Ordinal)).Select(a => $"{a.Path}: {a.Text}"));
    }

    [Fact]
    public void The_source_writes_no_message_past_the_list()
    {
        // logger.LogWarning(...) and its kin log with event id 0: every message goes through a [LoggerMessage].
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var calls = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => DirectLogCall().Matches(File.ReadAllText(path)).Select(match => $"{Path.GetRelativePath(source, path)}: {match.Value}"))
            .ToList();

        Assert.Empty(calls);
    }

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\(")]
    private static partial Regex DirectLogCall();

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*\]")]
    private static partial Regex LoggerMessageAttribute();
}
