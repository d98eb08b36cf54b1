using System.Security.Cryptography.X509Certificates;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary>The decisions of one replica about the Secret, step by step, without an API server.</summary>
public sealed class CertificateRotationTests
{
    private static readonly string[] Names = ["poddefaults-webhook.poddefaults-system.svc", "poddefaults-webhook.poddefaults-system.svc.cluster.local"];

    private static readonly CertificateProvisioningOptions Options = new()
    {
        SecretNamespace = "poddefaults-system",
        SecretName = "poddefaults-webhook-certificate",
        WebhookConfigurationName = "poddefaults-webhook",
        Validity = TimeSpan.FromDays(365),
        RenewBefore = TimeSpan.FromDays(120),
        PropagationDelay = TimeSpan.FromMinutes(2),
    };

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_empty_Secret_is_filled_with_a_CA_and_a_pair_it_signs_for_the_service_names()
    {
        var step = Decide(new CertificateSecretData(), Start)!;

        Assert.Equal("filled the empty Secret", step.Description);
        using var leaf = Leaf(step.Data.Certificate!, step.Data.PrivateKey!);
        Assert.True(CaBundle.Trusts(step.Data.CaBundle, leaf, Start));
        Assert.True(leaf.MatchesHostname(Names[0]));
        Assert.Single(CaBundle.Read(step.Data.CaBundle));
        Assert.Null(step.Data.NextCertificate);
    }

    [Fact]
    public void A_filled_Secret_far_from_expiry_is_left_alone()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;

        Assert.Null(Decide(filled, Start + TimeSpan.FromDays(200)));
    }

    [Fact]
    public void A_rotation_adds_the_new_CA_first_switches_after_the_delay_and_only_once_trusted_then_prunes()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;
        var renewAt = Start + TimeSpan.FromDays(250);

        var staged = Decide(filled, renewAt)!.Data;
        Assert.Equal(filled.Certificate, staged.Certificate);
        Assert.Equal(2, CaBundle.Read(staged.CaBundle).Count);
        Assert.NotNull(staged.NextCertificate);
        Assert.Equal(renewAt + Options.PropagationDelay, staged.SwitchAfter);

        // Before the delay, and after it while the API server's bundle does not trust the next pair: no switch.
        Assert.Null(Decide(staged, renewAt + TimeSpan.FromMinutes(1), trusts: _ => true));
        var afterDelay = renewAt + TimeSpan.FromMinutes(3);
        Assert.Null(Decide(staged, afterDelay, trusts: _ => false));

        var switched = Decide(staged, afterDelay, trusts: _ => true)!.Data;
        Assert.Equal(staged.NextCertificate, switched.Certificate);
        Assert.Null(switched.NextCertificate);
        Assert.Equal(2, CaBundle.Read(switched.CaBundle).Count);
        Assert.Equal(afterDelay + Options.PropagationDelay, switched.PruneAfter);
        Assert.Null(Decide(switched, afterDelay + TimeSpan.FromMinutes(1)));

        var pruned = Decide(switched, afterDelay + TimeSpan.FromMinutes(3))!.Data;
        var kept = Assert.Single(CaBundle.Read(pruned.CaBundle));
        using var leaf = Leaf(pruned.Certificate!, pruned.PrivateKey!);
        Assert.True(CaBundle.Trusts(pruned.CaBundle, leaf, afterDelay));
        Assert.DoesNotContain(kept.ExportCertificatePem(), filled.CaBundle!);
        Assert.Null(pruned.PruneAfter);
        Assert.Null(Decide(pruned, afterDelay + TimeSpan.FromMinutes(4)));
    }

    [Fact]
    public void An_expired_certificate_is_replaced_at_once()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;

        var step = Decide(filled, Start + TimeSpan.FromDays(400))!;

        Assert.Equal("replaced an expired certificate", step.Description);
        Assert.NotEqual(filled.Certificate, step.Data.Certificate);
    }

    [Fact]
    public void A_replica_whose_clock_runs_behind_the_writer_does_not_take_a_new_certificate_for_broken()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;

        // Ten minutes behind: before the certificate's (backdated) notBefore.
        Assert.Null(Decide(filled, Start - TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Contents_that_cannot_be_served_are_replaced()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;
        var other = Decide(new CertificateSecretData(), Start)!.Data;

        var mismatched = filled with { PrivateKey = other.PrivateKey };
        var foreignCa = filled with { CaBundle = other.CaBundle };
        var garbage = new CertificateSecretData { CaBundle = "x", Certificate = "y", PrivateKey = "z" };

        foreach (var broken in new[] { mismatched, foreignCa, garbage })
            Assert.StartsWith("replaced contents that cannot be served", Decide(broken, Start)!.Description);
    }

    [Fact]
    public void A_certificate_that_does_not_name_the_service_is_rotated_out()
    {
        var filled = Decide(new CertificateSecretData(), Start)!.Data;

        var step = Decide(filled, Start + TimeSpan.FromDays(1), names: ["renamed.poddefaults-system.svc"])!;

        Assert.StartsWith("started a rotation", step.Description);
        using var next = Leaf(step.Data.NextCertificate!, step.Data.NextPrivateKey!);
        Assert.True(next.MatchesHostname("renamed.poddefaults-system.svc"));
    }

    [Fact]
    public void The_data_survives_a_round_trip_through_the_Secret_object_and_other_keys_stay()
    {
        var staged = Decide(Decide(new CertificateSecretData(), Start)!.Data, Start + TimeSpan.FromDays(250))!.Data;
        var secret = new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { ["other"] = "b3RoZXI=" } };

        staged.WriteTo(secret);

        Assert.Equal(staged, CertificateSecretData.Read(secret));
        Assert.Equal("b3RoZXI=", (string?)secret["data"]!["other"]);
    }

    private static RotationStep? Decide(CertificateSecretData data, DateTimeOffset now, Func<X509Certificate2, bool>? trusts = null, string[]? names = null) =>
        CertificateRotation.Decide(data, now, names ?? Names, trusts ?? (_ => true), Options);

    private static X509Certificate2 Leaf(string certificate, string key) => X509Certificate2.CreateFromPem(certificate, key);
}
