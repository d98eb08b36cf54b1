using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

public sealed class TlsOptionsTests
{
    [Theory]
    [InlineData("tls.crt", null)]
    [InlineData(null, "tls.key")]
    public void A_certificate_without_a_key_or_a_key_without_a_certificate_is_refused(string? cert, string? key)
    {
        var error = Assert.Throws<TlsConfigurationException>(() => new TlsOptions { CertFile = cert, KeyFile = key }.Validate());

        Assert.Contains("must be given together", error.Message);
    }

    [Fact]
    public void Writing_a_self_signed_certificate_while_serving_files_is_refused()
    {
        var options = new TlsOptions { CertFile = "tls.crt", KeyFile = "tls.key", SelfSignedCertOut = "ca.crt" };

        var error = Assert.Throws<TlsConfigurationException>(options.Validate);

        Assert.StartsWith("--self-signed-cert-out applies only without --tls-cert", error.Message);
    }

    [Theory]
    [InlineData("tls.crt", "tls.key", null)]
    [InlineData(null, null, "ca.crt")]
    [InlineData(null, null, null)]
    public void Files_or_self_signed_are_accepted(string? cert, string? key, string? certOut)
    {
        new TlsOptions { CertFile = cert, KeyFile = key, SelfSignedCertOut = certOut }.Validate();
    }
}
