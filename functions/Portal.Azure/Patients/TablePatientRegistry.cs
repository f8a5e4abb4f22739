using Azure;
using Azure.Data.Tables;
using Portal.Azure.Profile;
using Portal.Azure.Tables;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.Azure.Patients;

/// <summary>
/// Registers a patient, index first: the MRN row (so a duplicate MRN is an insert conflict and never a race), the
/// name row, then the activation code, then the chart's profile. A registration that stopped half-way leaves an
/// index without a chart; registering the same MRN again adopts it and completes it.
/// </summary>
internal sealed class TablePatientRegistry(PortalTables tables, IActivations activations, TimeProvider time) : IPatientRegistry
{
    public async Task<string?> RegisterAsync(PatientProfile profile, PendingActivation activation, CancellationToken cancellationToken)
    {
        var patient = PatientIndexRows.Found(profile);
        var adopted = false;
        FoundPatient? orphan = null;
        try
        {
            await tables.Lookups.AddEntityAsync(PatientIndexRows.MrnEntity(patient), cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // Either a real duplicate, or the index left by a registration that failed half-way: adopt it then.
            var existing = await tables.Lookups.GetEntityAsync<TableEntity>(PatientIndexRows.MrnPartition, PatientIndexRows.MrnRow(profile.Mrn), cancellationToken: cancellationToken);
            var patientId = existing.Value.GetString("PatientId");
            var chart = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), TableProfiles.RowKey, ["PartitionKey"], cancellationToken);
            if (chart.HasValue)
            {
                return null;
            }

            (adopted, orphan) = (true, PatientIndexRows.ToFound(existing.Value));
            patient = patient with { PatientId = patientId };
        }

        await tables.Lookups.UpsertEntityAsync(PatientIndexRows.NameEntity(patient), TableUpdateMode.Replace, cancellationToken);
        if (adopted && orphan != patient)
        {
            await ReconcileAdoptedAsync(orphan, patient, cancellationToken);
        }

        // The half-finished registration may have issued a code already; nobody saw it, so the new one ends it.
        var issued = activation with { PatientId = patient.PatientId };
        var earlier = adopted ? await activations.FindCurrentAsync(patient.PatientId, cancellationToken) : null;
        if (earlier is null)
        {
            await tables.Lookups.SubmitTransactionAsync(TableActivations.IssueActions(issued), cancellationToken);
        }
        else
        {
            await activations.ReplaceAsync(earlier, issued, time.GetUtcNow(), cancellationToken);
        }

        await tables.Charts.UpsertEntityAsync(TableProfiles.ToEntity(profile with { PatientId = patient.PatientId }), TableUpdateMode.Replace, cancellationToken);
        return patient.PatientId;
    }

    // The retry may correct the name or birth date of the half-finished registration it adopts. The MRN row
    // records which name row belongs to the patient, so it changes last: a retry that stops half-way again still
    // finds the old name row through it and removes it the next time. (An MRN row from before the name index has
    // no name row to remove; it only gains the fields.)
    private async Task ReconcileAdoptedAsync(FoundPatient? orphan, FoundPatient patient, CancellationToken cancellationToken)
    {
        if (orphan is not null && (orphan.BirthDate, PatientIndexRows.NameRow(orphan)) != (patient.BirthDate, PatientIndexRows.NameRow(patient)))
        {
            await tables.Lookups.DeleteEntityAsync(PatientIndexRows.NamePartition(orphan.BirthDate), PatientIndexRows.NameRow(orphan), ETag.All, cancellationToken);
        }

        await tables.Lookups.UpsertEntityAsync(PatientIndexRows.MrnEntity(patient), TableUpdateMode.Replace, cancellationToken);
    }
}
