namespace PodDefaults.Tests.Deploy;

/// <summary>
/// PodDefaults against the CRD, checked as the API server would (see <see cref="CrdSchemaValidator"/>
/// for what a standard CEL interpreter cannot reproduce).
/// </summary>
public class PodDefaultSchemaTests
{
    public static TheoryData<string> ExampleFiles =>
        [.. Directory.GetFiles(RepositoryPaths.Of("examples/poddefaults"), "*.yaml")
            .Select(path => Path.GetFileName(path)).Order()];

    [Fact]
    public void There_are_the_five_blog_examples()
    {
        Assert.Equal(5, ExampleFiles.Count);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_is_a_valid_poddefault(string file)
    {
        var example = TestYaml.Single(File.ReadAllText(RepositoryPaths.Of($"examples/poddefaults/{file}")))!;

        Assert.Equal("kubeflow.org/v1alpha1", (string?)example["apiVersion"]);
        Assert.Equal("PodDefault", (string?)example["kind"]);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), (string?)example["metadata"]!["name"]);
        AssertValid(example);
    }

    [Fact]
    public void Every_kubeflow_field_validates_and_nothing_is_pruned()
    {
        // Shapes taken from Kubeflow's own CRD, plus sources it never listed (csi, ephemeral): fields
        // the API server would prune fail this test (see OpenApiSchemaConverter).
        AssertValid(PodDefault("""
            desc: everything
            selector:
              matchLabels: {app: ml}
              matchExpressions:
                - {key: tier, operator: In, values: [gpu]}
                - {key: legacy, operator: DoesNotExist}
            serviceAccountName: runner
            automountServiceAccountToken: false
            labels: {team: a}
            annotations: {note: b}
            command: [python]
            args: [-u, main.py]
            env:
              - {name: A, value: "1"}
              - name: B
                valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}
              - name: C
                valueFrom: {configMapKeyRef: {name: c, key: k}}
              - name: D
                valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}
              - name: E
                valueFrom: {resourceFieldRef: {containerName: main, resource: limits.memory, divisor: 1Mi}}
            envFrom:
              - {prefix: X_, configMapRef: {name: c}}
              - secretRef: {name: s, optional: false}
            volumes:
              - {name: data, persistentVolumeClaim: {claimName: pvc, readOnly: true}}
              - {name: token, projected: {defaultMode: 420, sources: [{serviceAccountToken: {path: token, expirationSeconds: 7200, audience: pipelines.kubeflow.org}}]}}
              - {name: csi, csi: {driver: secrets-store.csi.k8s.io, volumeAttributes: {secretProviderClass: vault}}}
              - {name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}
            volumeMounts:
              - {name: data, mountPath: /data, readOnly: true, subPath: a, mountPropagation: None}
              - {name: data, mountPath: /data2}
            tolerations:
              - {key: gpu, operator: Equal, value: "true", effect: NoSchedule}
              - {key: gpu, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
            imagePullSecrets:
              - {name: registry}
            initContainers:
              - name: init
                image: busybox
                command: [sh, -c, "true"]
                ports: [{containerPort: 80, protocol: TCP}]
                livenessProbe: {httpGet: {path: /, port: 80}}
            sidecars:
              - name: proxy
                image: envoy
                resources: {limits: {cpu: 100m}}
                securityContext: {runAsNonRoot: true}
            resources:
              limits: {cpu: 2, memory: 4Gi, nvidia.com/gpu: "1"}
              requests: {cpu: 500m}
            securityContext:
              runAsUser: 1000
              fsGroup: 2000
              seccompProfile: {type: RuntimeDefault}
              sysctls: [{name: net.core.somaxconn, value: "1024"}]
            nodeSelector: {accelerator: a100}
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]
            """));
    }

    [Fact]
    public void Missing_selector_is_rejected()
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault("env: [{name: A, value: a}]"));

        Assert.Contains(errors, e => e.StartsWith("spec: ") && e.Contains("selector"));
    }

    [Fact]
    public void Env_item_that_is_not_an_object_is_rejected()
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault("""
            selector: {}
            env: [DATA_PATH=/mnt/data]
            """));

        Assert.Contains(errors, e => e.StartsWith("spec.env[0]: "));
    }

    [Theory]
    [InlineData("env: [{name: A, value: 1}]", "spec.env[0].value")]
    [InlineData("matchOperator: {}", "spec.matchOperator")]
    [InlineData("tolerations: [{key: a, tolerationSeconds: soon}]", "spec.tolerations[0].tolerationSeconds")]
    [InlineData("resources: {limits: {cpu: two}}", "spec.resources.limits.cpu")]
    [InlineData("volumeMounts: [{mountPath: /data}]", "spec.volumeMounts[0]")]
    public void Wrong_types_unknown_fields_and_missing_keys_are_rejected(string field, string location)
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault($"selector: {{}}\n{field}"));

        Assert.Contains(errors, e => e.StartsWith(location + ": "));
    }

    [Theory]
    [InlineData("volumes: [{name: data, persistentVolumeClam: {claimName: pvc}}]", "spec.volumes[0].persistentVolumeClam")]
    [InlineData("volumes: [{name: data, persistentVolumeClaim: {claimNme: pvc}}]", "spec.volumes[0].persistentVolumeClaim.claimNme")]
    [InlineData("volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, audiance: a}}]}}]", "spec.volumes[0].projected.sources[0].serviceAccountToken.audiance")]
    [InlineData("sidecars: [{name: proxy, image: envoy, imagePullPolice: Always}]", "spec.sidecars[0].imagePullPolice")]
    [InlineData("sidecars: [{name: proxy, livenessProbe: {httpGet: {paht: /}}}]", "spec.sidecars[0].livenessProbe.httpGet.paht")]
    [InlineData("initContainers: [{name: init, volumeMounts: [{name: v, mountpath: /v}]}]", "spec.initContainers[0].volumeMounts[0].mountpath")]
    [InlineData("initContainers: [{image: busybox}]", "spec.initContainers[0]")]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRefs: {name: s, key: k}}}]", "spec.env[0].valueFrom.secretKeyRefs")]
    [InlineData("envFrom: [{configMapRefs: {name: c}}]", "spec.envFrom[0].configMapRefs")]
    [InlineData("volumeMounts: [{name: v, mountPath: /v, readonly: true}]", "spec.volumeMounts[0].readonly")]
    [InlineData("tolerations: [{key: gpu, effects: NoSchedule}]", "spec.tolerations[0].effects")]
    [InlineData("imagePullSecrets: [{nme: registry}]", "spec.imagePullSecrets[0].nme")]
    [InlineData("securityContext: {runAsUsr: 1000}", "spec.securityContext.runAsUsr")]
    [InlineData("resources: {limit: {cpu: 1}}", "spec.resources.limit")]
    [InlineData("affinity: {nodeAffinity: {requiredDuringScheduling: {}}}", "spec.affinity.nodeAffinity.requiredDuringScheduling")]
    public void Typos_in_kubernetes_types_are_rejected_as_kubeflows_crd_rejects_them(string field, string location)
    {
        // The API server would prune these members (or, with kubectl's default strict field
        // validation, refuse them); Kubeflow's CRD carries the same upstream schemas.
        var errors = PodDefaultCrd.Validator.Validate(PodDefault($"selector: {{}}\n{field}"));

        Assert.Contains(errors, e => e.StartsWith(location + ": "));
    }

    [Fact]
    public void Unknown_selector_operator_is_rejected()
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault("""
            selector:
              matchExpressions: [{key: tier, operator: Equals, values: [gpu]}]
            """));

        Assert.Contains(errors, e => e.StartsWith("spec.selector.matchExpressions[0].operator: "));
    }

    [Theory]
    [InlineData("{key: tier, operator: In}")]
    [InlineData("{key: tier, operator: In, values: []}")]
    [InlineData("{key: tier, operator: NotIn}")]
    [InlineData("{key: tier, operator: Exists, values: [gpu]}")]
    [InlineData("{key: tier, operator: DoesNotExist, values: [gpu]}")]
    public void Selector_values_that_contradict_the_operator_are_rejected(string expression)
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault($"selector: {{matchExpressions: [{expression}]}}"));

        var error = Assert.Single(errors);
        Assert.StartsWith("spec.selector.matchExpressions[0]: Invalid value: values must", error);
    }

    [Theory]
    [InlineData("{key: tier, operator: In, values: [gpu]}")]
    [InlineData("{key: tier, operator: NotIn, values: [cpu, tpu]}")]
    [InlineData("{key: tier, operator: Exists}")]
    [InlineData("{key: tier, operator: DoesNotExist, values: []}")]
    public void Selector_values_that_fit_the_operator_are_accepted(string expression)
    {
        AssertValid(PodDefault($"selector: {{matchExpressions: [{expression}]}}"));
    }

    [Theory]
    [InlineData("env: [{name: A, value: a}, {name: A, value: b}]", "spec.env[1]")]
    [InlineData("volumes: [{name: v, emptyDir: {}}, {name: v, secret: {secretName: s}}]", "spec.volumes[1]")]
    [InlineData("volumeMounts: [{name: a, mountPath: /m}, {name: b, mountPath: /m}]", "spec.volumeMounts[1]")]
    public void Duplicate_keys_are_rejected(string field, string location)
    {
        var errors = PodDefaultCrd.Validator.Validate(PodDefault($"selector: {{}}\n{field}"));

        Assert.Contains(errors, e => e.StartsWith($"{location}: Duplicate value"));
    }

    [Fact]
    public void One_volume_mounted_at_two_paths_is_accepted()
    {
        AssertValid(PodDefault("""
            selector: {}
            volumeMounts: [{name: v, mountPath: /a}, {name: v, mountPath: /b}]
            """));
    }

    private static void AssertValid(JsonNode podDefault)
    {
        var errors = PodDefaultCrd.Validator.Validate(podDefault);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    private static JsonNode PodDefault(string spec)
    {
        var indented = string.Join('\n', spec.Split('\n').Select(line => "  " + line));
        return TestYaml.Single($$"""
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefault
            metadata: {name: test, namespace: team-a}
            spec:
            {{indented}}
            """)!;
    }
}
