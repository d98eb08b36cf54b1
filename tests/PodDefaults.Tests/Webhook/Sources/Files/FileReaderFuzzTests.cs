using PodDefaults.Webhook.Sources.Files;
using PodDefaults.Webhook.Yaml;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>
/// Random and mutated YAML and PodDefault documents through the file reader and the file source (issue 9, "keep it
/// hardened"): the YAML converter raises only its own error, the reader raises nothing (every problem is a
/// reported one), and the source keeps publishing the good file beside the fuzzed one.
/// </summary>
/// <remarks>
/// A bounded count runs with the suite; a longer run: <c>PODDEFAULTS_FUZZ_COUNT=200000 dotnet test
/// tests/PodDefaults.Tests -c Release --filter FullyQualifiedName~FileReaderFuzzTests</c>, and
/// <c>PODDEFAULTS_FUZZ_SEED</c> replays a failing seed (each failure names its case and seed).
/// </remarks>
public sealed class FileReaderFuzzTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("PODDEFAULTS_FUZZ_COUNT"), out var count) ? count : 2000;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PODDEFAULTS_FUZZ_SEED"), out var seed) ? seed : 9;

    /// <summary>Pieces YAML and PodDefaults are made of, and the hostile ones the attack run used.</summary>
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ": ", ":", "- ", "-", "? ", "|", "|-", ">", ">+", "#", "'", "\"", "\\", "\t", "\n", "  ", "    ",
        "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "&a ", "&b ", "*a", "*b", "<<: ", "<<: *a", "<<: [*a, *b]",
        "!!str ", "!!int ", "!!binary ", "!!float ", "!custom ", "!!map ", "~", "null", "yes", "0x1F", "0o17", "010", ".inf",
        "-.nan", "1e-2147483648", "9999999999999999999999", "\u00e9", "\ud83d\ude00", "\uFEFF", "\u0000", "\u0085", "\u2028",
        "kind: PodDefault\n", "kind: List\nitems:\n", "kind: PodDefaultList\n", "apiVersion: kubeflow.org/v1alpha1\n",
        "metadata:\n  name: n\n  namespace: team\n", "spec:\n", "  selector: {}\n", "  env:\n  - name: E\n    value: v\n",
        "  resources: {limits: {cpu: 1e-2147483648}}\n", "  volumes: [{name: v, emptyDir: {}}]\n", "  labels: {a: b}\n",
        "  tolerations: [{key: k, operator: Exists}]\n", "  annotations: !!map {a: 1}\n", "items: 7\n",
    ];

    [Fact]
    public void The_converter_raises_only_its_own_error_and_the_reader_raises_nothing()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Count; i++)
        {
            var text = Case(random);
            try
            {
                _ = YamlToJson.Convert(text);
            }
            catch (YamlToJsonException)
            {
            }
            catch (Exception error)
            {
                Assert.Fail($"case {i} (seed {Seed}): {error.GetType().Name}: {error.Message}\n{text}");
            }

            var read = PodDefaultFileReader.Parse("fuzz.yaml", Encoding.UTF8.GetBytes(text));
            Assert.All(read.Problems, problem => Assert.Equal("fuzz.yaml", problem.Path));
            Assert.Equal(read.Problems.Count == 0, read.IsComplete);
        }
    }

    [Fact]
    public void The_source_keeps_publishing_beside_a_fuzzed_file()
    {
        using var folder = new DefaultsFolder();
        folder.Write("good.yaml", PodDefault("good"));
        var source = folder.Source();
        var random = new Random(Seed);
        for (var i = 0; i < Math.Max(20, Count / 20); i++)
        {
            folder.Replace("fuzz.yaml", Case(random));
            source.Load();
            Assert.NotNull(folder.Find("good"));
        }

        Assert.Equal(0, source.Counters.Failures);
        Assert.True(folder.Status.IsReady);
    }

    /// <summary>A third each: random tokens, a PodDefault with random edits, random characters.</summary>
    private static string Case(Random random) => random.Next(3) switch
    {
        0 => string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => Tokens[random.Next(Tokens.Length)])),
        1 => Mutate(random, ValidPodDefault()),
        _ => new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(0, 0x80))]),
    };

    private static string ValidPodDefault() => Many(["a", "b"]) + """
        ---
        apiVersion: v1
        kind: List
        items:
        - &pd
          apiVersion: kubeflow.org/v1alpha1
          kind: PodDefault
          metadata: {name: c, namespace: team}
          spec:
            selector: {matchLabels: {app: x}}
            env: [{name: A, value: "1"}]
            volumeMounts: [{name: v, mountPath: /v}]
            volumes: [{name: v, emptyDir: {}}]
            resources: {limits: {cpu: 500m, memory: 1Gi}}
        - <<: *pd
          metadata: {name: d, namespace: team}

        """;

    /// <summary>One to eight edits: cut a span, repeat a span, insert a token, change a character, swap two lines.</summary>
    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 9); edits > 0 && builder.Length > 1; edits--)
        {
            var at = random.Next(builder.Length);
            var length = Math.Min(random.Next(1, 40), builder.Length - at);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 2:
                    builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3:
                    builder[at] = (char)random.Next(0x20, 0x7F);
                    break;
                default:
                    var lines = builder.ToString().Split('\n');
                    var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    builder.Clear().Append(string.Join('\n', lines));
                    break;
            }
        }

        return builder.ToString();
    }
}
