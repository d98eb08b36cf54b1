using System.Collections.Immutable;
using PodDefaults.Core.Merge;
using static PodDefaults.Core.Fields.FieldKind;
using static PodDefaults.Core.Fields.FieldTarget;

namespace PodDefaults.Core.Fields;

/// <summary>
/// Every field of a PodDefault's <c>spec</c> that the webhook merges into pods (SEMANTICS.md section 4), one row each:
/// the parser, the pod reader (what it reads of a pod), the merge, the patch and the CRD generator all read this
/// table, the way YARP's and Garnet's option tables are read by their parsers.
/// </summary>
/// <remarks>
/// To add a field:
/// <list type="number">
/// <item>Add its row below, where the patch should write it: its JSON name, target, kind, key, description and
/// Kubernetes type. A field of an existing kind needs nothing else in the code (a hypothetical
/// <c>hostAliases</c>, keyed by <c>ip</c>, was two lines here).</item>
/// <item>Add a conformance case showing it merged and patched (to the shared suite, copied into
/// <c>tests/PodDefaults.Tests/Conformance/cases</c> by <c>sync-cases.sh</c>), and name it in the field's row of
/// <c>docs/semantics.md</c> section 4 (a test fails for a case the contract does not name).</item>
/// <item>Regenerate the CRD: run the <c>CrdFieldsTests</c> with <c>UPDATE_CRD_FIELDS=1</c> (it writes
/// <c>build/crd/fields.json</c>), then <c>build/generate-crd.sh</c>.</item>
/// </list>
/// A field of a new <see cref="FieldKind"/> also needs that kind's code in each of: <c>SpecMemberReader</c> and
/// <c>PodDefaultParser.Read</c> (the PodDefault's value), <c>Pods/FieldMembers</c> (the pod's value),
/// <c>Merge/FieldMerge.For</c> with a <see cref="FieldMerge"/>, <c>Patch/PodPatch.WriteField</c>, and the CRD node in
/// <c>CrdFieldsTests</c>. A new <see cref="FieldTarget.Metadata"/> member also needs a row of the metadata table
/// in <c>Pods/PodTables</c>, which reads metadata for selection.
/// </remarks>
public static class PodDefaultFields
{
    /// <summary>The members of <c>spec</c> the engine reads that are not merged into pods.</summary>
    public const string Selector = "selector";

    public const string Desc = "desc";

    /// <summary>The fields, in the order the patch writes them (metadata, then each container, then the spec).</summary>
    public static readonly ImmutableArray<PodDefaultField> All = Placed(
    [
        new("labels", Metadata, StringMap, "Added to the pod's labels; a different existing value is a conflict."),
        new("annotations", Metadata, StringMap, "Added to the pod's annotations; a different existing value is a conflict."),

        new("env", Container, KeyedList, "Added to every original container, keyed by name.")
        { Key = "name", Shown = ValueKind.EnvVar, KubernetesType = "v1/EnvVar", CrdUniqueKeys = true },
        new("envFrom", Container, UnkeyedList, "Added to every original container unless an equal entry is there.")
        { KubernetesType = "v1/EnvFromSource" },
        new("volumeMounts", Container, KeyedList,
            "Added to every original container, keyed by mountPath (one volume may be mounted at several paths).")
        { Key = "mountPath", KubernetesType = "v1/VolumeMount", CrdUniqueKeys = true },
        new("command", Container, FirstWinsStringList, "Set on original containers that have none; the first PodDefault that sets it wins.")
        { IstioProxyKeepsOwn = true },
        new("args", Container, FirstWinsStringList, "Set on original containers that have none; the first PodDefault that sets it wins.")
        { IstioProxyKeepsOwn = true },
        new("resources", Container, Resources,
            "Extension. Per original container, each limits/requests entry is set when absent; a different quantity is a conflict.")
        { IstioProxyKeepsOwn = true, KubernetesType = "v1/ResourceRequirements" },

        new("sidecars", ContainerList, KeyedList, "Appended to spec.containers, keyed by name.")
        { Key = "name", PodMember = "containers", Shown = ValueKind.Container, KubernetesType = "v1/Container" },
        new("initContainers", Spec, KeyedList, "Added to spec.initContainers, keyed by name.")
        { Key = "name", Shown = ValueKind.Container, KubernetesType = "v1/Container" },
        new("volumes", Spec, KeyedList, "Added to the pod, keyed by name.")
        { Key = "name", KubernetesType = "v1/Volume", CrdUniqueKeys = true },
        new("tolerations", Spec, UnkeyedList, "Added to the pod unless an equal toleration is there.")
        { KubernetesType = "v1/Toleration" },
        new("imagePullSecrets", Spec, KeyedList, "Added to the pod, keyed by name.")
        { Key = "name", KubernetesType = "v1/LocalObjectReference" },
        new("nodeSelector", Spec, StringMap, "Extension. Merged into spec.nodeSelector; a different existing value is a conflict."),
        new("securityContext", Spec, ObjectMembers,
            "Extension. A pod-level core/v1 PodSecurityContext; each top-level member is set when absent, a different value is a conflict.")
        { KubernetesType = "v1/PodSecurityContext" },
        new("affinity", Spec, ObjectMembers,
            "Extension. A core/v1 Affinity; each of its three members is set when absent, a different value is a conflict.")
        { KubernetesType = "v1/Affinity" },
        new("serviceAccountName", Spec, LastWinsString, "Overrides the pod's; the last PodDefault that sets it wins."),
        new("automountServiceAccountToken", Spec, LastWinsBoolean, "Overrides the pod's; the last PodDefault that sets it wins."),
    ]);

    private static string[] MergedFirst => ["volumes", "tolerations", "imagePullSecrets", "initContainers", "sidecars"];

    public static readonly PodDefaultField Labels = Named("labels");
    public static readonly PodDefaultField Annotations = Named("annotations");
    public static readonly PodDefaultField Sidecars = Named("sidecars");

    /// <summary>
    /// The order in which a PodDefault's fields merge, which is the order of its conflicts in a denial message:
    /// the pod's metadata, then each container, then the spec's, these lists first (the order from before the
    /// table, kept so that messages stay as they were).
    /// </summary>
    public static readonly ImmutableArray<PodDefaultField> InMergeOrder =
    [
        .. All.Where(field => field.Target is Metadata or Container),
        .. MergedFirst.Select(Named),
        .. All.Where(field => (field.Target is Spec or ContainerList) && !MergedFirst.Contains(field.Name)),
    ];

    /// <summary>The fields of the pod itself (metadata, spec), by <see cref="PodDefaultField.Slot"/>.</summary>
    public static readonly ImmutableArray<PodDefaultField> OfPod = [.. All.Where(field => !field.PerContainer)];

    /// <summary>The fields of each original container, by <see cref="PodDefaultField.Slot"/>.</summary>
    public static readonly ImmutableArray<PodDefaultField> OfContainer = [.. All.Where(field => field.PerContainer)];

    /// <summary>Every member of <c>spec</c> the engine reads, merged or not (the CRD must declare each).</summary>
    public static readonly ImmutableArray<string> SpecMembers = [Selector, Desc, .. All.Select(field => field.Name)];

    /// <summary>The field of this JSON name.</summary>
    public static PodDefaultField Named(string name) =>
        All.FirstOrDefault(field => field.Name == name) ?? throw new ArgumentException($"no PodDefault field \"{name}\"", nameof(name));

    private static ImmutableArray<PodDefaultField> Placed(PodDefaultField[] fields)
    {
        // A field has a bit in a mask of fields and in SpecNeeds (after its bit 0).
        if (fields.Length > 31)
            throw new InvalidOperationException("at most 31 fields: each has a bit of a 32-bit mask");
        int podSlot = 0, containerSlot = 0;
        for (var i = 0; i < fields.Length; i++)
            fields[i].Place(i, fields[i].PerContainer ? containerSlot++ : podSlot++);
        return [.. fields];
    }
}
