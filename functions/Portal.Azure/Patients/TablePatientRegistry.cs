using Azure;
using Azure.Data.Tables;
using Portal.Azure.Profile;
using Portal.Azure.Tables;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.Azure.Patients;

/// <summary>
/// Registers a patient: MRN index (<c>Lookups</c>, PartitionKey <c>mrn</c>) first, so a duplicate MRN is an
/// insert conflict and never a race; then the activation code; then the chart's profile.
/// </summary>
internal sealed class TablePatientRegistry(PortalTables tables, IActivations activations, TimeProvider time) : IPatientRegistry
{
    public async Task<string?> RegisterAsync(PatientProfile profile, PendingActivation activation, CancellationToken cancellationToken)
    {
        var mrnKey = TableKeys.Encode(profile.Mrn.ToUpperInvariant());
        var patientId = profile.PatientId;
        var adopted = false;
        try
        {
            await tables.Lookups.AddEntityAsync(new TableEntity("mrn", mrnKey) { ["PatientId"] = patientId }, cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // Either a real duplicate, or the index left by a registration that failed half-way: adopt it then.
            var existing = await tables.Lookups.GetEntityAsync<TableEntity>("mrn", mrnKey, cancellationToken: cancellationToken);
            patientId = existing.Value.GetString("PatientId");
            var chart = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), TableProfiles.RowKey, ["PartitionKey"], cancellationToken);
            if (chart.HasValue)
            {
                return null;
            }

            adopted = true;
        }

        // The half-finished registration may have issued a code already; nobody saw it, so the new one ends it.
        var issued = activation with { PatientId = patientId };
        var earlier = adopted ? await activations.FindCurrentAsync(patientId, cancellationToken) : null;
        if (earlier is null)
        {
            await tables.Lookups.SubmitTransactionAsync(TableActivations.IssueActions(issued), cancellationToken);
        }
        else
        {
            await activations.ReplaceAsync(earlier, issued, time.GetUtcNow(), cancellationToken);
        }

        await tables.Charts.UpsertEntityAsync(TableProfiles.ToEntity(profile with { PatientId = patientId }), TableUpdateMode.Replace, cancellationToken);
        return patientId;
    }
}
