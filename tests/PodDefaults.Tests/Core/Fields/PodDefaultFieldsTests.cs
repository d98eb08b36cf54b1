using PodDefaults.Core.Fields;
using PodDefaults.Core.Merge;
using PodDefaults.Core.Pods;

namespace PodDefaults.Tests.Core.Fields;

/// <summary>The field table is consistent: every row can be read, merged, patched and declared.</summary>
public sealed class PodDefaultFieldsTests
{
    public static TheoryData<string> Fields() => new(PodDefaultFields.All.Select(field => field.Name));

    [Fact]
    public void Names_and_pod_members_are_unique()
    {
        Assert.Equal(PodDefaultFields.All.Length, PodDefaultFields.All.Select(field => field.Name).Distinct().Count());
        Assert.Equal(PodDefaultFields.All.Length, PodDefaultFields.All.Select(field => (field.Target == FieldTarget.Container, field.PodMember)).Distinct().Count());
    }

    [Fact]
    public void Every_field_merges_exactly_once()
    {
        Assert.Equal(PodDefaultFields.All.OrderBy(field => field.Index), PodDefaultFields.InMergeOrder.OrderBy(field => field.Index));
    }

    [Fact]
    public void The_merge_order_is_the_one_denial_messages_had_before_the_table()
    {
        string[] before =
        [
            "labels", "annotations", "env", "envFrom", "volumeMounts", "command", "args", "resources", "volumes", "tolerations",
            "imagePullSecrets", "initContainers", "sidecars", "nodeSelector", "securityContext", "affinity", "serviceAccountName",
            "automountServiceAccountToken",
        ];

        Assert.Equal(before, PodDefaultFields.InMergeOrder.Select(field => field.Name).Where(before.Contains));
    }

    [Fact]
    public void Slots_number_the_fields_of_each_level_from_zero()
    {
        Assert.Equal(Enumerable.Range(0, PodDefaultFields.OfPod.Length), PodDefaultFields.OfPod.Select(field => field.Slot));
        Assert.Equal(Enumerable.Range(0, PodDefaultFields.OfContainer.Length), PodDefaultFields.OfContainer.Select(field => field.Slot));
    }

    [Fact]
    public void Fields_read_from_the_spec_have_a_bit_of_their_own()
    {
        var spec = PodDefaultFields.All.Where(field => field.Target is FieldTarget.Spec or FieldTarget.Container).ToList();

        Assert.All(spec, field => Assert.NotEqual(SpecNeeds.None, field.Need));
        Assert.All(spec, field => Assert.Equal(SpecNeeds.None, field.Need & SpecNeeds.Containers));
        Assert.Equal(spec.Count, spec.Select(field => field.Need).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_field_declares_what_its_kind_needs(string name)
    {
        var field = PodDefaultFields.Named(name);

        Assert.Equal(field.Kind == FieldKind.KeyedList, field.Key is not null);
        var holdsKubernetesType = field.Kind is FieldKind.KeyedList or FieldKind.UnkeyedList or FieldKind.ObjectMembers or FieldKind.Resources;
        Assert.Equal(holdsKubernetesType, field.KubernetesType is not null);
        Assert.False(field.CrdUniqueKeys && field.Key is null);
        Assert.False(string.IsNullOrWhiteSpace(field.Description));
        Assert.IsType(field.Kind switch
        {
            FieldKind.KeyedList or FieldKind.UnkeyedList => typeof(ListMerge),
            FieldKind.StringMap or FieldKind.ObjectMembers => typeof(MapMerge),
            FieldKind.FirstWinsStringList => typeof(FirstWinsMerge),
            FieldKind.LastWinsString or FieldKind.LastWinsBoolean => typeof(LastWinsMerge),
            _ => typeof(ResourcesMerge),
        }, FieldMerge.For(field));
    }

    [Fact]
    public void Patch_paths_follow_the_target()
    {
        Assert.Equal("/metadata/labels"u8.ToArray(), PodDefaultFields.Labels.PatchPath);
        Assert.Equal("/spec/containers"u8.ToArray(), PodDefaultFields.Sidecars.PatchPath);
        Assert.Equal("/spec/tolerations"u8.ToArray(), PodDefaultFields.Named("tolerations").PatchPath);
        Assert.Equal("/env"u8.ToArray(), PodDefaultFields.Named("env").PatchPath);
    }
}
