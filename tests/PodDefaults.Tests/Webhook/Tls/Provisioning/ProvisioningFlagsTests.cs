using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary><c>--certificate-secret</c> and <c>--webhook-configuration</c> turn the mode on, together and alone.</summary>
public sealed class ProvisioningFlagsTests
{
    // --tls-cert and --tls-key must name files that exist.
    private static readonly string Folder = Directory.CreateTempSubdirectory("provisioning-flags").FullName;
    private static readonly string Cert = Touch("tls.crt");
    private static readonly string Key = Touch("tls.key");

    private static string Touch(string name)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void The_two_flags_turn_the_mode_on()
    {
        var options = ServeCommand.Parse(["--certificate-secret", "platform/webhook-tls", "--webhook-configuration", "poddefaults-webhook"]);

        var provisioning = options.Tls.Provisioning!;
        Assert.Equal("platform", provisioning.SecretNamespace);
        Assert.Equal("webhook-tls", provisioning.SecretName);
        Assert.Equal("poddefaults-webhook", provisioning.WebhookConfigurationName);
        options.Tls.Validate();
    }

    [Fact]
    public void Without_the_flags_the_mode_is_off()
    {
        Assert.Null(ServeCommand.Parse(["--tls-cert", Cert, "--tls-key", Key]).Tls.Provisioning);
        Assert.Null(ServeCommand.Parse([]).Tls.Provisioning);
    }

    [Theory]
    [InlineData("--certificate-secret", "ns/name")]
    [InlineData("--webhook-configuration", "poddefaults-webhook")]
    public void One_flag_without_the_other_is_refused(string flag, string value)
    {
        var error = Assert.Throws<CliException>(() => ServeCommand.Parse([flag, value]));

        Assert.Contains("must be given together", error.Message);
    }

    [Theory]
    [InlineData("/name")]
    [InlineData("ns/")]
    [InlineData("a/b/c")]
    public void A_Secret_that_is_not_NAME_or_NAMESPACE_NAME_is_refused(string secret)
    {
        var error = Assert.Throws<CliException>(() => ServeCommand.Parse(["--certificate-secret", secret, "--webhook-configuration", "w"]));

        Assert.Contains("is not NAME or NAMESPACE/NAME", error.Message);
    }

    [Theory]
    [InlineData("--tls-cert", "CERT", "--tls-key", "KEY")]
    [InlineData("--self-signed-cert-out", "ca.crt")]
    public void Certificate_files_or_a_self_signed_certificate_exclude_the_mode(params string[] certificateFlags)
    {
        var flags = certificateFlags.Select(flag => flag switch { "CERT" => Cert, "KEY" => Key, _ => flag });
        var options = ServeCommand.Parse(["--certificate-secret", "ns/name", "--webhook-configuration", "w", .. flags]);

        var error = Assert.Throws<TlsConfigurationException>(options.Tls.Validate);

        Assert.StartsWith("--certificate-secret provisions the certificate itself", error.Message);
    }
}
