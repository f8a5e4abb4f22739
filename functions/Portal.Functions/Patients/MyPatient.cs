using Portal.Core.Access;

namespace Portal.Functions.Patients;

/// <summary>A patient the caller may act for, as the account switcher shows it.</summary>
internal sealed record MyPatient(string PatientId, string Name, string Relationship, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt)
{
    public static MyPatient From(PatientLink link) =>
        new(link.PatientId, link.PatientName, link.Kind == LinkKind.Self ? "self" : "proxy", link.Scopes, link.ExpiresAt);
}
