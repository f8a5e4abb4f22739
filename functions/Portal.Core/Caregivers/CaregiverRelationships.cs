using Portal.Core.Common;

namespace Portal.Core.Caregivers;

/// <summary>How a caregiver is related to the patient, as grants and requests name it.</summary>
public static class CaregiverRelationships
{
    /// <summary>The relationships one may name.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["parent", "guardian", "spouse", "partner", "child", "sibling", "grandparent", "power-of-attorney", "friend", "other"];

    /// <summary>The relationship, or a field error.</summary>
    public static Result<string> Parse(string? relationship, string field = "relationship") =>
        relationship is not null && All.Contains(relationship)
            ? relationship
            : Failure.Invalid(field, $"One of {string.Join(", ", All)}.");
}
