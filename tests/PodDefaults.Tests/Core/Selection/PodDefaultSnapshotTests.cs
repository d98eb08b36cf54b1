namespace PodDefaults.Tests.Core.Selection;

public sealed class PodDefaultSnapshotTests
{
    private static PodDefault Make(string ns, string name, string version = "1") => EngineHarness.Parse(
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","resourceVersion":"{{{version}}}"},"spec":{"selector":{} } }""");

    [Fact]
    public void ReplaceAll_counts_and_groups_by_namespace()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x"), Make("b", "x"), Make("a", "y")]);

        Assert.Equal(1, snapshot.Generation);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(["x", "y"], snapshot.InNamespace("a").Select(pd => pd.Name));
        Assert.Equal(["x"], snapshot.InNamespace("b").Select(pd => pd.Name));
        Assert.Equal(["a", "b"], snapshot.Namespaces.Select(ns => ns.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_later_duplicate_wins()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x", "1"), Make("a", "y"), Make("a", "x", "2")]);

        Assert.Equal(2, snapshot.Count);
        Assert.Equal("2", snapshot.InNamespace("a").Single(pd => pd.Name == "x").ResourceVersion);

        var replaced = snapshot.WithNamespace("b", [Make("b", "z", "1"), Make("b", "z", "9")]);
        Assert.Equal("9", Assert.Single(replaced.InNamespace("b")).ResourceVersion);
        Assert.Equal(3, replaced.Count);
    }

    [Fact]
    public void The_same_name_in_two_namespaces_is_two_PodDefaults()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x", "1"), Make("b", "x", "2")]);

        Assert.Equal(2, snapshot.Count);
        Assert.Equal("1", snapshot.InNamespace("a").Single().ResourceVersion);
        Assert.Equal("2", snapshot.InNamespace("b").Single().ResourceVersion);
    }

    [Fact]
    public void With_adds_or_replaces_and_counts()
    {
        var start = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x")]);

        var added = start.With(Make("a", "y"));
        Assert.Equal((2L, 2), (added.Generation, added.Count));

        var replaced = added.With(Make("a", "x", "5"));
        Assert.Equal((3L, 2), (replaced.Generation, replaced.Count));
        Assert.Equal("5", replaced.InNamespace("a").Single(pd => pd.Name == "x").ResourceVersion);

        var newNamespace = replaced.With(Make("c", "x"));
        Assert.Equal((4L, 3), (newNamespace.Generation, newNamespace.Count));

        // Snapshots are immutable: the earlier ones still show what they showed.
        Assert.Equal(1, start.Count);
        Assert.Equal("1", added.InNamespace("a").Single(pd => pd.Name == "x").ResourceVersion);
        Assert.Empty(replaced.InNamespace("c"));
    }

    [Fact]
    public void Without_removes_and_drops_an_emptied_namespace()
    {
        var start = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x"), Make("a", "y"), Make("b", "z")]);

        var one = start.Without("a", "x");
        Assert.Equal((2L, 2), (one.Generation, one.Count));
        Assert.Equal(["y"], one.InNamespace("a").Select(pd => pd.Name));

        var emptied = one.Without("b", "z");
        Assert.Equal((3L, 1), (emptied.Generation, emptied.Count));
        Assert.Null(emptied.Find("b"));
        Assert.DoesNotContain("b", emptied.Namespaces.Select(ns => ns.Name));
    }

    [Fact]
    public void Without_something_absent_is_the_same_snapshot()
    {
        var start = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x")]);

        Assert.Same(start, start.Without("a", "nope"));
        Assert.Same(start, start.Without("nowhere", "x"));
        Assert.Same(start, start.Without("A", "x")); // namespaces compare ordinally
    }

    [Fact]
    public void WithNamespace_replaces_one_namespace_only()
    {
        var start = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x"), Make("a", "y"), Make("b", "z")]);

        var replaced = start.WithNamespace("a", [Make("a", "w")]);
        Assert.Equal((2L, 2), (replaced.Generation, replaced.Count));
        Assert.Equal(["w"], replaced.InNamespace("a").Select(pd => pd.Name));
        Assert.Equal(["z"], replaced.InNamespace("b").Select(pd => pd.Name));

        var removed = replaced.WithNamespace("a", []);
        Assert.Equal((3L, 1), (removed.Generation, removed.Count));
        Assert.Null(removed.Find("a"));

        var absentRemoved = removed.WithNamespace("never", []);
        Assert.Equal(1, absentRemoved.Count);
    }

    [Fact]
    public void ReplaceAll_forgets_what_was_there_and_keeps_counting_generations()
    {
        var start = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x")]).With(Make("b", "y"));

        var replaced = start.ReplaceAll([Make("c", "z")]);

        Assert.Equal((3L, 1), (replaced.Generation, replaced.Count));
        Assert.Empty(replaced.InNamespace("a"));
        Assert.Null(replaced.Find("b"));

        var emptied = replaced.ReplaceAll([]);
        Assert.Equal((4L, 0), (emptied.Generation, emptied.Count));
        Assert.Empty(emptied.Namespaces);
    }

    [Fact]
    public void Lookup_of_an_absent_namespace_finds_nothing()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Make("a", "x")]);

        Assert.Null(snapshot.Find("b"));
        Assert.Null(snapshot.Find(""));
        Assert.Null(snapshot.Find("a "));
        Assert.Empty(snapshot.InNamespace("b"));
        Assert.Null(PodDefaultSnapshot.Empty.Find("a"));
    }

    [Theory]
    [InlineData("équipe")]
    [InlineData("チーム")]
    [InlineData("team-😀")]
    public void Find_works_with_non_ASCII_namespace_text(string ns)
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Make(ns, "x"), Make("plain", "y")]);

        Assert.Equal(ns, snapshot.Find(ns.AsSpan())!.Name);
        Assert.Equal("x", snapshot.Find(ns.ToCharArray())!.All.Single().Name);
        Assert.Null(snapshot.Find(ns.ToUpperInvariant() + "x"));

        // And through the engine, from a pod whose namespace arrives escaped in the request.
        var harness = new EngineHarness(
            $$$"""{"metadata":{"name":"x","namespace":"{{{ns}}}","resourceVersion":"1"},"spec":{"selector":{},"labels":{"got":"it"} } }""");
        var response = harness.Create($$$"""{"metadata":{"name":"p","namespace":"{{{ns}}}"},"spec":{"containers":[]}}""");
        Assert.Contains("/metadata/labels", EngineHarness.PatchOf(response));
    }
}
