using PodDefaults.Core.Warnings;

namespace PodDefaults.Tests.Core.Warnings;

/// <summary>
/// The warnings about skipped PodDefaults reach the user whole: checked against a copy of the API server's
/// warning recorder (<see cref="ApiServerWarningRecorder"/>), which drops and cuts what does not fit.
/// </summary>
public sealed class SkippedPodDefaultWarningsTests
{
    private const string UnknownOperator = "matchExpressions[0]: unknown operator \"Equals\" (want In, NotIn, Exists or DoesNotExist)";

    [Fact]
    public void A_control_character_in_a_reason_is_escaped_and_the_warning_arrives()
    {
        var warnings = SkippedPodDefaultWarnings.Compose([("tabbed", "matchExpressions[0]: unknown operator \"In\t\" (want In, NotIn, Exists or DoesNotExist)")]);

        var received = Assert.Single(ApiServerWarningRecorder.Receive(warnings));
        Assert.Equal("poddefault tabbed skipped: matchExpressions[0]: unknown operator \"In\\u0009\" (want In, NotIn, Exists or DoesNotExist)", received);
    }

    [Theory]
    [InlineData("line\nbreak", "line\\u000Abreak")]
    [InlineData("c1\u0085", "c1\\u0085")]
    [InlineData("bidi\u202Eevil", "bidi\\u202Eevil")]
    [InlineData("separator\u2028x", "separator\\u2028x")]
    [InlineData("emoji 🚀 and é", "emoji 🚀 and é")]
    public void Names_are_escaped_too(string name, string shown)
    {
        var received = Assert.Single(ApiServerWarningRecorder.Receive(SkippedPodDefaultWarnings.Compose([(name, "spec.selector is missing")])));

        Assert.Equal($"poddefault {shown} skipped: spec.selector is missing", received);
    }

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        var received = Assert.Single(ApiServerWarningRecorder.Receive(SkippedPodDefaultWarnings.Compose([("lone" + (char)0xD800, "x" + (char)0xDC00)])));

        Assert.Equal("poddefault lone\\uD800 skipped: x\\uDC00", received);
    }

    [Fact]
    public void Thirty_poddefaults_with_63_character_names_and_one_reason_all_arrive()
    {
        var names = Names(30, 63);

        AssertAllArrive(names, SkippedPodDefaultWarnings.Compose(names.Select(name => (name, UnknownOperator))));
    }

    [Fact]
    public void Thirty_poddefaults_with_63_character_names_and_thirty_reasons_all_arrive_with_shortened_reasons()
    {
        var names = Names(30, 63);
        var skipped = names.Select((name, i) => (name, $"matchExpressions[{i}]: unknown operator \"Op{i}\" (want In, NotIn, Exists or DoesNotExist)")).ToArray();

        var warnings = SkippedPodDefaultWarnings.Compose(skipped);

        AssertAllArrive(names, warnings);
        Assert.Contains(warnings, warning => warning.Contains("matchExpressions[", StringComparison.Ordinal)); // some of the reason survives
    }

    [Fact]
    public void One_warning_per_poddefault_would_lose_names()
    {
        // What the engine sent before: the recorder passes 25 of these 30 whole, and cuts or drops the rest.
        var names = Names(30, 63);
        var received = ApiServerWarningRecorder.Receive(names.Select(name => $"poddefault {name} skipped: {UnknownOperator}"));

        Assert.True(names.Count(name => received.Any(warning => warning.Contains(name + " skipped:", StringComparison.Ordinal))) < 30);
    }

    [Fact]
    public void When_even_the_names_do_not_fit_the_last_warning_counts_the_rest()
    {
        var names = Names(500, 63);

        var warnings = SkippedPodDefaultWarnings.Compose(names.Select(name => (name, UnknownOperator)));

        var received = ApiServerWarningRecorder.Receive(warnings);
        Assert.Equal(warnings, received);
        var more = int.Parse(received[^1].Split(' ')[1]);
        Assert.Matches(@"^and \d+ more poddefaults skipped$", received[^1]);
        var shown = names.Count(name => received.Any(warning => warning.Contains(name, StringComparison.Ordinal)));
        Assert.Equal(500, shown + more);
        Assert.True(shown > 50, $"only {shown} names shown");
    }

    [Fact]
    public void A_huge_reason_is_cut_to_fit_one_warning()
    {
        var reason = $"matchExpressions[0]: unknown operator \"{new string('x', 10_000)}\"";

        var received = Assert.Single(ApiServerWarningRecorder.Receive(SkippedPodDefaultWarnings.Compose([("big", reason)])));

        Assert.StartsWith("poddefault big skipped: matchExpressions[0]: unknown operator \"xxx", received, StringComparison.Ordinal);
        Assert.EndsWith("…", received, StringComparison.Ordinal);
        Assert.Equal(SkippedPodDefaultWarnings.MaxRunes, ApiServerWarningRecorder.Runes(received));
    }

    [Fact]
    public void A_name_too_long_for_one_warning_is_cut()
    {
        var name = new string('n', 400);

        var received = Assert.Single(ApiServerWarningRecorder.Receive(SkippedPodDefaultWarnings.Compose([(name, "spec.selector is missing")])));

        Assert.StartsWith("poddefault nnnn", received, StringComparison.Ordinal);
        Assert.EndsWith("… skipped", received, StringComparison.Ordinal);
        Assert.True(ApiServerWarningRecorder.Runes(received) <= SkippedPodDefaultWarnings.MaxRunes);
    }

    [Fact]
    public void Nothing_skipped_means_no_warning() => Assert.Empty(SkippedPodDefaultWarnings.Compose([]));

    [Fact]
    public void Whatever_is_skipped_the_recorder_passes_every_warning_unchanged_and_every_name_is_shown_or_counted() =>
        (from count in Gen.Int[0, 400]
         from nameLength in Gen.Int[1, 253]
         from reasons in Reason.Array[1, 6]
         select (count, nameLength, reasons))
            .Sample(t =>
            {
                var names = Names(t.count, t.nameLength);
                var skipped = names.Select((name, i) => (name, t.reasons[i % t.reasons.Length])).ToArray();

                var warnings = SkippedPodDefaultWarnings.Compose(skipped);

                Assert.Equal(warnings, ApiServerWarningRecorder.Receive(warnings));
                Assert.All(warnings, warning => Assert.True(ApiServerWarningRecorder.Runes(warning) < 256, warning));
                Assert.True(warnings.Sum(ApiServerWarningRecorder.Runes) < 4096);
                var more = warnings.Length > 0 && warnings[^1].StartsWith("and ", StringComparison.Ordinal) ? int.Parse(warnings[^1].Split(' ')[1]) : 0;
                var shown = names.Count(name => warnings.Any(warning => warning.Contains(Shown(name), StringComparison.Ordinal)));
                Assert.Equal(t.count, shown + more);
            }, iter: 300);

    /// <summary>Reasons with what a header cannot carry: tabs, newlines, C1 controls, lone surrogates, non-ASCII.</summary>
    private static readonly Gen<string> Reason =
        Gen.Char["ab \"\t\n\u0085\u00e9\ud800\u202e"].Array[1, 300].Select(chars => new string(chars));

    /// <summary>Distinct names of the given length, told apart at the start so a cut name still shows which it is.</summary>
    private static string[] Names(int count, int length) =>
        Enumerable.Range(0, count).Select(i => $"pd{i:D3}-".PadRight(length, 'x')[..Math.Max(length, 6)]).ToArray();

    /// <summary>The part of a name a warning always shows (a name over 236 runes is cut).</summary>
    private static string Shown(string name) => name.Length > 200 ? name[..200] : name;

    private static void AssertAllArrive(string[] names, string[] warnings)
    {
        var received = ApiServerWarningRecorder.Receive(warnings);

        Assert.Equal(warnings, received);
        Assert.All(names, name => Assert.Contains(received, warning => warning.Contains(name, StringComparison.Ordinal)));
        Assert.DoesNotContain(received, warning => warning.StartsWith("and ", StringComparison.Ordinal));
    }
}
