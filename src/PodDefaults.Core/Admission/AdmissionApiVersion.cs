namespace PodDefaults.Core.Admission;

/// <summary>The AdmissionReview versions the API server may send; the response uses the request's.</summary>
public enum AdmissionApiVersion
{
    V1,
    V1Beta1,
}

public static class AdmissionApiVersions
{
    public static ReadOnlySpan<byte> V1 => "admission.k8s.io/v1"u8;
    public static ReadOnlySpan<byte> V1Beta1 => "admission.k8s.io/v1beta1"u8;

    public static ReadOnlySpan<byte> Text(AdmissionApiVersion version) => version == AdmissionApiVersion.V1 ? V1 : V1Beta1;
}
