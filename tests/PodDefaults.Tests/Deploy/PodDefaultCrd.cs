namespace PodDefaults.Tests.Deploy;

/// <summary>The PodDefault CRD as the base kustomization renders it.</summary>
internal static class PodDefaultCrd
{
    private static readonly Lazy<CrdSchemaValidator> SchemaValidator = new(() => new(OpenApiSchema));

    public static JsonObject Definition =>
        RenderedManifests.Base.Single("CustomResourceDefinition", "poddefaults.kubeflow.org");

    public static JsonObject Version => Definition["spec"]!["versions"]!.AsArray()
        .Single(v => (string?)v!["name"] == "v1alpha1")!.AsObject();

    public static JsonObject OpenApiSchema => Version["schema"]!["openAPIV3Schema"]!.AsObject();

    public static JsonObject SpecSchema => OpenApiSchema["properties"]!["spec"]!.AsObject();

    public static JsonObject SpecProperties => SpecSchema["properties"]!.AsObject();

    public static CrdSchemaValidator Validator => SchemaValidator.Value;
}
