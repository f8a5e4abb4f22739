using Portal.Core.Access;
using Portal.Core.Identity;

namespace Portal.Core.Patients;

/// <summary>Use case: the patients the signed-in person may act for (themself and through active grants).</summary>
public sealed class ListMyPatients(IPatientLinks links, TimeProvider time, ProxyRules? rules = null)
{
    /// <summary>Links in force only; expired and revoked grants, and a guardian's grant once the patient is 18, are left out.</summary>
    public async Task<IReadOnlyList<PatientLink>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await links.ListAsync(caller.Subject, cancellationToken);
        return [.. all.Where(link => AccessPolicy.IsInForce(link, now, rules ?? ProxyRules.Default)).OrderBy(link => link.Kind).ThenBy(link => link.PatientName, StringComparer.Ordinal)];
    }
}
