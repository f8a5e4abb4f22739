namespace Portal.Core.Labs;

/// <summary>Maps HL7 v2 and FHIR status codes to <see cref="LabResultStatus"/>.</summary>
internal static class LabResultStatuses
{
    public static LabResultStatus FromHl7(ReadOnlySpan<char> code) => code switch
    {
        "F" => LabResultStatus.Final,
        "P" or "R" => LabResultStatus.Preliminary,
        "C" => LabResultStatus.Corrected,
        "X" or "N" => LabResultStatus.Cancelled,
        "A" => LabResultStatus.Partial,
        "O" or "I" or "S" => LabResultStatus.Registered,
        "W" or "D" => LabResultStatus.EnteredInError,
        _ => LabResultStatus.Unknown,
    };

    public static LabResultStatus FromFhir(string? code) => code switch
    {
        "final" => LabResultStatus.Final,
        "preliminary" => LabResultStatus.Preliminary,
        "partial" => LabResultStatus.Partial,
        "registered" => LabResultStatus.Registered,
        "corrected" => LabResultStatus.Corrected,
        "amended" or "appended" => LabResultStatus.Amended,
        "cancelled" => LabResultStatus.Cancelled,
        "entered-in-error" => LabResultStatus.EnteredInError,
        _ => LabResultStatus.Unknown,
    };
}
