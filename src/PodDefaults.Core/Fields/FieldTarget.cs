namespace PodDefaults.Core.Fields;

/// <summary>Where in the pod a PodDefault field goes.</summary>
public enum FieldTarget
{
    /// <summary><c>metadata.&lt;member&gt;</c>, which the webhook always reads (selection needs the labels).</summary>
    Metadata,

    /// <summary><c>spec.&lt;member&gt;</c>, read only when a PodDefault being applied sets the field.</summary>
    Spec,

    /// <summary><c>spec.containers</c> itself: items appended after the pod's own containers.</summary>
    ContainerList,

    /// <summary><c>spec.containers[*].&lt;member&gt;</c> of every original container.</summary>
    Container,
}
