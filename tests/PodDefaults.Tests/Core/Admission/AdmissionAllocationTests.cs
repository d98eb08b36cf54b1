namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// Pins what one admission allocates on the calling thread, so that any new allocation on the admission path (a
/// LINQ query, a string per label, a list per call) fails here, not months later in a profile. Not a timing test.
/// </summary>
/// <remarks>
/// The figure is the one measured (Release, as build/test.sh runs it; the same on every run): a change that
/// allocates less lowers it here, one that allocates more says why in its commit. The benchmarks
/// (bench/README.md) measure the same call with BenchmarkDotNet's memory diagnoser.
/// </remarks>
public sealed class AdmissionAllocationTests(ITestOutputHelper output)
{
    /// <summary>Bytes per admission of <see cref="Pod"/> with <see cref="PodDefaults"/>, as measured.</summary>
    private const int MeasuredPerCall = 968;

    private static readonly string[] PodDefaults =
    [
        """
        {"metadata":{"name":"add-gpu","namespace":"ml","resourceVersion":"11"},
         "spec":{"selector":{"matchLabels":{"add-gpu":"true"}},
                 "env":[{"name":"NVIDIA_VISIBLE_DEVICES","value":"all"}],
                 "tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}],
                 "resources":{"limits":{"nvidia.com/gpu":"1"}}}}
        """,
        """
        {"metadata":{"name":"aws-secret","namespace":"ml","resourceVersion":"12"},
         "spec":{"selector":{"matchLabels":{"app":"trainer"}},
                 "env":[{"name":"AWS_REGION","value":"eu-west-1"},
                        {"name":"AWS_ACCESS_KEY_ID","valueFrom":{"secretKeyRef":{"name":"aws","key":"id"}}}],
                 "volumes":[{"name":"aws","secret":{"secretName":"aws"}}],
                 "volumeMounts":[{"name":"aws","mountPath":"/secrets/aws","readOnly":true}]}}
        """,
        """
        {"metadata":{"name":"team-labels","namespace":"ml","resourceVersion":"13"},
         "spec":{"selector":{"matchExpressions":[{"key":"team","operator":"Exists"}]},
                 "labels":{"cost-center":"ml-42"},
                 "annotations":{"example.com/owner":"ml-team"}}}
        """,
        """
        {"metadata":{"name":"cost-center-env","namespace":"ml","resourceVersion":"15"},
         "spec":{"selector":{"matchLabels":{"cost-center":"ml-42"}},"env":[{"name":"COST_CENTER","value":"ml-42"}]}}
        """,
        """
        {"metadata":{"name":"not-this-one","namespace":"ml","resourceVersion":"14"},
         "spec":{"selector":{"matchLabels":{"app":"web"}},"env":[{"name":"X","value":"1"}]}}
        """,
    ];

    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"trainer-0","namespace":"ml",
                     "labels":{"app":"trainer","add-gpu":"true","team":"ml"},
                     "annotations":{"kubectl.kubernetes.io/default-container":"main"}},
         "spec":{"containers":[
                   {"name":"main","image":"trainer:1","resources":{"limits":{"memory":"8Gi"},"requests":{"cpu":"2","memory":"8Gi"}},
                    "env":[{"name":"EPOCHS","value":"10"}],
                    "volumeMounts":[{"name":"kube-api-access-abcde","mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","readOnly":true}],
                    "terminationMessagePath":"/dev/termination-log","imagePullPolicy":"IfNotPresent"},
                   {"name":"logger","image":"fluent-bit:2","resources":{},
                    "volumeMounts":[{"name":"kube-api-access-abcde","mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","readOnly":true}]}],
                 "volumes":[{"name":"kube-api-access-abcde","projected":{"defaultMode":420,"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}]}}],
                 "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],
                 "serviceAccountName":"default","securityContext":{}}}
        """;

    [Fact]
    public void A_four_match_admission_with_a_chain_allocates_no_more_than_measured()
    {
        var harness = new EngineHarness(PodDefaults);
        var review = Encoding.UTF8.GetBytes(EngineHarness.Review(Pod));
        using var writer = new PooledBufferWriter();

        void ReviewOnce()
        {
            writer.Clear();
            using var admission = harness.Engine.Review(review, writer);
            Assert.Equal(AdmissionOutcome.Patched, admission.Outcome);
            Assert.Equal(4, admission.Applied.Count); // cost-center-env through the label team-labels adds
        }

        for (var i = 0; i < 50; i++)
            ReviewOnce();

        const int calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
            ReviewOnce();
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;

        output.WriteLine($"{perCall} bytes per admission");
        Assert.True(perCall <= MeasuredPerCall, $"{perCall} bytes allocated per admission, {MeasuredPerCall} measured");
    }
}
