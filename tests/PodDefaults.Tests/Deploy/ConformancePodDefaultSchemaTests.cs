using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Deploy;

/// <summary>Every PodDefault of the conformance suite is one the CRD admits, unless it is invalid on purpose.</summary>
public class ConformancePodDefaultSchemaTests
{
    // Case 36 proves the webhook skips PodDefaults with invalid selectors; the CRD keeps them out of
    // a cluster in the first place, each for its own reason.
    private static readonly Dictionary<(string File, string Name), string> RejectedOnPurpose = new()
    {
        [("36-invalid-selectors-skipped-with-warning.yaml", "bad-operator")] = "spec.selector.matchExpressions[0].operator: ",
        [("36-invalid-selectors-skipped-with-warning.yaml", "bad-in-no-values")] = "values must not be empty when operator is In or NotIn",
        [("36-invalid-selectors-skipped-with-warning.yaml", "bad-exists-with-values")] = "values must be empty when operator is Exists or DoesNotExist",
    };

    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void Poddefaults_of_the_case_are_admitted_by_the_crd(string file)
    {
        var conformanceCase = ConformanceCase.Load(file);

        Assert.All(conformanceCase.PodDefaults, podDefault =>
        {
            var name = (string)podDefault!["metadata"]!["name"]!;
            var errors = PodDefaultCrd.Validator.Validate(podDefault);
            if (RejectedOnPurpose.TryGetValue((file, name), out var reason))
            {
                Assert.Contains(errors, e => e.Contains(reason));
            }
            else
            {
                Assert.True(errors.Count == 0, $"{name}:\n{string.Join('\n', errors)}");
            }
        });
    }

    [Fact]
    public void Every_poddefault_rejected_on_purpose_is_in_the_suite()
    {
        var present = ConformanceCase.Files().SelectMany(file => ConformanceCase.Load(file).PodDefaults
            .Select(pd => (file, (string)pd!["metadata"]!["name"]!)));

        Assert.Subset(present.ToHashSet(), RejectedOnPurpose.Keys.ToHashSet());
    }
}
