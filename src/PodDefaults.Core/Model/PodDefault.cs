using System.Collections.Immutable;
using System.Text.Json;
using PodDefaults.Core.Fields;

namespace PodDefaults.Core.Model;

/// <summary>A <c>kubeflow.org/v1alpha1</c> PodDefault, parsed and ready to match and merge.</summary>
public sealed class PodDefault
{
    public const string MarkerPrefix = "poddefault.admission.kubeflow.org/poddefault-";

    public PodDefault(string @namespace, string name, string resourceVersion, SelectorResult selector, PodDefaultSpec spec)
    {
        Namespace = @namespace;
        Name = name;
        ResourceVersion = resourceVersion;
        Selector = selector;
        Spec = spec;
        Marker = JsonItem.OfString(MarkerPrefix + name, resourceVersion);
        InjectedLabels = [.. spec[PodDefaultFields.Labels].Where(label => label.Value.ValueKind == JsonValueKind.String).Select(label => new LabelPair(label.Key, label.Value.GetString()!))];
    }

    public string Namespace { get; }
    public string Name { get; }

    /// <summary><c>metadata.resourceVersion</c> exactly as the source gave it; the marker annotation's value.</summary>
    public string ResourceVersion { get; }

    /// <summary>The selector, or why it cannot be used (the PodDefault is then skipped with a warning).</summary>
    public SelectorResult Selector { get; }

    public PodDefaultSpec Spec { get; }

    /// <summary>The labels it sets (<see cref="PodDefaultFields.Labels"/>) as text, for chained selection to evaluate selectors on.</summary>
    public ImmutableArray<LabelPair> InjectedLabels { get; }

    /// <summary>
    /// The marker annotation, <c>poddefault.admission.kubeflow.org/poddefault-&lt;name&gt;</c> set to the
    /// resourceVersion: a pod that carries it already has this version applied (docs/semantics.md §5).
    /// </summary>
    public JsonItem Marker { get; }

    public override string ToString() => $"{Namespace}/{Name}@{ResourceVersion}";
}
