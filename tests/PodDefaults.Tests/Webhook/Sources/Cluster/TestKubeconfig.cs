using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>Writes kubeconfig files (and the files they point to) into a temporary folder.</summary>
public sealed class TestKubeconfig : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("poddefaults-kubeconfig-").FullName;

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A file beside the kubeconfig; returns its absolute path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A kubeconfig whose current context reaches <paramref name="server"/> as the user given in YAML.</summary>
    /// <param name="caLine">How the cluster names its CA, e.g. <c>certificate-authority-data: ...</c>.</param>
    /// <param name="userYaml">The user's fields, one per line, without indentation.</param>
    public string Write(Uri server, string caLine, string userYaml)
    {
        var user = string.Join('\n', userYaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "    " + line));
        return File("config", $"""
            apiVersion: v1
            kind: Config
            current-context: test
            preferences: {"{}"}
            clusters:
            - name: other
              cluster:
                server: https://192.0.2.1:6443
            - name: standin
              cluster:
                server: {server.AbsoluteUri.TrimEnd('/')}
                {caLine}
            contexts:
            - name: elsewhere
              context: {"{"}cluster: other, user: nobody{"}"}
            - name: test
              context: {"{"}cluster: standin, user: tester{"}"}
            users:
            - name: nobody
              user:
                token: wrong
            - name: tester
              user:
            {user}
            """);
    }

    public static string CaData(X509Certificate2 ca) => "certificate-authority-data: " + Base64(ca.ExportCertificatePem());

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
