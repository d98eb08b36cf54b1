using System.ComponentModel;
using System.Runtime.InteropServices;

namespace PodDefaults.Tests.Webhook.Tls;

/// <summary>
/// A directory laid out and updated the way the kubelet updates a Secret volume: the files are
/// symlinks <c>tls.crt -> ..data/tls.crt</c>, and <c>..data</c> is a symlink to a timestamped
/// directory, replaced by renaming a new <c>..data_tmp</c> symlink over it.
/// </summary>
public sealed class SecretVolume
{
    private readonly string path;
    private int generations;

    public SecretVolume(string path)
    {
        this.path = path;
        Directory.CreateDirectory(path);
    }

    public string CertFile => Path.Combine(path, "tls.crt");

    public string KeyFile => Path.Combine(path, "tls.key");

    public void Publish(PemPair pair)
    {
        var data = Path.Combine(path, "..data");
        var previous = Directory.Exists(data) ? new DirectoryInfo(data).LinkTarget : null;

        var generation = $"..2025_01_01_00_00_{++generations:00}.000000001";
        Directory.CreateDirectory(Path.Combine(path, generation));
        File.WriteAllText(Path.Combine(path, generation, "tls.crt"), pair.CertPem);
        File.WriteAllText(Path.Combine(path, generation, "tls.key"), pair.KeyPem);

        var temporary = Path.Combine(path, "..data_tmp");
        File.CreateSymbolicLink(temporary, generation);
        Rename(temporary, data);

        if (previous is null)
        {
            File.CreateSymbolicLink(CertFile, "..data/tls.crt");
            File.CreateSymbolicLink(KeyFile, "..data/tls.key");
        }
        else
        {
            Directory.Delete(Path.Combine(path, previous), recursive: true);
        }
    }

    // File.Move follows the symlink and refuses a directory; the kubelet renames the link itself.
    private static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"rename {from} {to}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(string oldpath, string newpath);
}
