using PodDefaults.Webhook.Cli;

namespace PodDefaults.Tests.Webhook.Cli;

/// <summary>The command line as a user meets it: help, version, mistakes, aliases, environment variables.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("serve", "--tls-cert")]
    [InlineData("apply", "--output")]
    [InlineData("explain", "--filename")]
    public void Each_command_has_its_own_help_and_exits_0(string command, string flag)
    {
        var result = CliWorkspace.Run(command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"poddefaults {command} [options]", result.Stdout);
        Assert.Contains(flag, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Serve_help_names_every_flags_environment_variable()
    {
        var result = CliWorkspace.Run("serve", "--help");

        Assert.Contains("[env: PODDEFAULTS_PORT]", result.Stdout);
        Assert.Contains("[env: PODDEFAULTS_TLS_CERT]", result.Stdout);
        Assert.Contains("--port, --webhookPort <N>", result.Stdout);
        Assert.Contains("[default: 4443]", result.Stdout);
    }

    [Fact]
    public void Version_is_one_line_of_version_and_commit()
    {
        var result = CliWorkspace.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\+[0-9a-f]{7,40}\n$", result.Stdout);
    }

    [Fact]
    public void No_command_prints_the_usage_to_stderr_and_exits_2()
    {
        var result = CliWorkspace.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ServeCommand.Synopsis, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "serv" }, "poddefaults: unknown command \"serv\"; did you mean serve?\n")]
    [InlineData(new[] { "explian" }, "poddefaults: unknown command \"explian\"; did you mean explain?\n")]
    [InlineData(new[] { "serve", "--prot", "8443" }, "poddefaults: unknown argument \"--prot\"; did you mean --port?\n")]
    [InlineData(new[] { "serve", "--webhookport=8443" }, "poddefaults: unknown argument \"--webhookport=8443\"; did you mean --webhookPort?\n")]
    [InlineData(new[] { "serve", "--tls-crt", "x" }, "poddefaults: unknown argument \"--tls-crt\"; did you mean --tls-cert?\n")]
    public void An_unknown_word_is_named_with_the_nearest_known_one(string[] args, string stderr)
    {
        var result = CliWorkspace.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(stderr, result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "serve", "--tls-cert", "/nonexistent", "--tls-key", "/nonexistent" }, "--tls-cert \"/nonexistent\" names no file")]
    [InlineData(new[] { "serve", "--tlsKeyFile", "/nonexistent" }, "--tlsKeyFile \"/nonexistent\" names no file")]
    [InlineData(new[] { "serve", "--webhookPort", "70000" }, "--webhookPort \"70000\" is not a port number (1-65535)")]
    [InlineData(new[] { "serve", "--listen", "localhost" }, "--listen \"localhost\" is not an IP address")]
    [InlineData(new[] { "serve", "--shutdown-delay", "60" }, "--shutdown-delay \"60\" is not a number of seconds from 0 to 25")]
    [InlineData(new[] { "serve", "--defaults", "/nonexistent" }, "--defaults \"/nonexistent\" names no file or folder")]
    public void A_wrong_value_is_named_with_its_flag(string[] args, string message)
    {
        var result = CliWorkspace.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"poddefaults: {message}\n", result.Stderr);
    }

    [Fact]
    public void The_metrics_port_must_differ_from_the_https_port()
    {
        var result = CliWorkspace.Run("serve", "--port", "9090", "--metrics-port", "9090");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("poddefaults: --metrics-port 9090 is also the HTTPS port (--port): give the metrics a port of their own\n", result.Stderr);
    }

    [Fact]
    public void As_the_kubectl_plugin_it_names_itself_so()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = PodDefaults.Webhook.Cli.Cli.Run(["explain", "--help"], new StringReader(""), stdout, stderr, _ => null, PodDefaults.Webhook.Cli.Cli.PluginName);

        Assert.Equal(0, exitCode);
        Assert.Contains("kubectl-poddefaults explain [options]", stdout.ToString());
    }

    [Fact]
    public void Kubeflow_spellings_set_the_same_options()
    {
        var cert = workspace.Write("tls.crt", "");
        var key = workspace.Write("tls.key", "");

        var options = ServeCommand.Parse(["--webhookPort=8443", "--tlsCertFile", cert, "--tlsKeyFile", key]);

        Assert.Equal(8443, options.Port);
        Assert.Equal(cert, options.Tls.CertFile);
        Assert.Equal(key, options.Tls.KeyFile);
    }

    [Fact]
    public void Every_serve_flag_is_settable_by_its_variable_and_the_flag_wins()
    {
        var environment = new Dictionary<string, string>
        {
            ["PODDEFAULTS_PORT"] = "9443",
            ["PODDEFAULTS_LISTEN"] = "127.0.0.1",
            ["PODDEFAULTS_SHUTDOWN_DELAY"] = "5",
            ["PODDEFAULTS_DEFAULTS"] = workspace.Defaults,
        };

        var options = ServeCommand.Parse(["--port", "8443"], environment.GetValueOrDefault);

        Assert.Equal(8443, options.Port);
        Assert.Equal(IPAddress.Loopback, options.ListenAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ShutdownDelay);
        Assert.Equal(workspace.Defaults, options.DefaultsPath);
    }

    [Fact]
    public void A_wrong_variable_is_named_with_its_value()
    {
        var error = Assert.Throws<CliException>(() => ServeCommand.Parse([], name => name == "PODDEFAULTS_PORT" ? "https" : null));

        Assert.Equal("PODDEFAULTS_PORT=\"https\" is not a port number (1-65535)", error.Message);
    }

    [Fact]
    public void Every_variable_follows_the_flag_name()
    {
        foreach (var flag in ServeFlags.All)
            Assert.Equal("PODDEFAULTS_" + flag.Option.Name.TrimStart('-').ToUpperInvariant().Replace('-', '_'), flag.EnvironmentVariable);
        Assert.Equal(ServeFlags.All.Count, ServeFlags.All.Select(flag => flag.EnvironmentVariable).Distinct().Count());
    }

    [Fact]
    public void Serve_runs_the_process_environment_through_the_same_declarations()
    {
        var result = RunWithEnvironment(new() { ["PODDEFAULTS_MAX_REQUEST_BYTES"] = "-1" }, "serve");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("poddefaults: PODDEFAULTS_MAX_REQUEST_BYTES=\"-1\" is not a positive number\n", result.Stderr);
    }

    private static CliResult RunWithEnvironment(Dictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = PodDefaults.Webhook.Cli.Cli.Run(args, new StringReader(""), stdout, stderr, environment.GetValueOrDefault);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
