using Azure.Data.Tables;
using Azure.Core;
using Portal.Azure.Record;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Record;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Record;

/// <summary>The record adapter against Azurite: section pages, identifiers, tallies, ETags and writes larger than a transaction.</summary>
public class RecordTableTests
{
    private static async Task<(TableHealthRecord Record, PortalTables Tables, FailingStorage Failing)> CreateAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var failing = new FailingStorage();
        var options = new TableClientOptions();
        options.AddPolicy(failing, HttpPipelinePosition.PerCall);
        var tables = new PortalTables(new TableServiceClient(azurite.ConnectionString, options));
        await TestTables.CreateAsync();
        return (new TableHealthRecord(tables, new RecordTransactions(tables, TimeProvider.System)), tables, failing);
    }

    [Fact]
    public async Task A_section_reads_newest_first_filtered_by_status_and_confidentiality_in_one_page()
    {
        var (record, _, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var old = RecordSamples.Item(patient, RecordSamples.Allergy("Sulfa", "2001"));
        var resolved = RecordSamples.Item(patient, RecordSamples.Allergy("Latex", "2010-05", AllergyClinicalStatus.Resolved));
        var secret = RecordSamples.Item(patient, RecordSamples.Allergy("Penicillin", "2020-02-03"), confidential: true);
        await record.WriteAsync(RecordSamples.Write(patient, "w1", old, resolved, secret), default);

        async Task<string[]> Substances(RecordStatusFilter status, bool confidential) =>
            [.. (await record.ReadSectionAsync(patient, new RecordQuery(RecordSection.Allergies, status, confidential), 10, null, default)).Items.Select(i => i.Content.Allergy!.Substance)];

        Assert.Equal(["Penicillin", "Latex", "Sulfa"], await Substances(RecordStatusFilter.All, true));
        Assert.Equal(["Penicillin", "Sulfa"], await Substances(RecordStatusFilter.Active, true));
        Assert.Equal(["Sulfa"], await Substances(RecordStatusFilter.Active, false));
        Assert.Empty((await record.ReadSectionAsync(patient, new RecordQuery(RecordSection.Medications, RecordStatusFilter.All, true), 10, null, default)).Items);
    }

    [Fact]
    public async Task Pages_continue_only_the_list_that_issued_the_token()
    {
        var (record, _, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        await record.WriteAsync(RecordSamples.Write(patient, "w1", [.. Enumerable.Range(0, 5).Select(day => RecordSamples.Item(patient, RecordSamples.Weight(day)))]), default);
        var query = new RecordQuery(RecordSection.Vitals, RecordStatusFilter.All, true);

        var first = await record.ReadSectionAsync(patient, query, 3, null, default);
        var second = await record.ReadSectionAsync(patient, query, 3, first.ContinuationToken, default);

        Assert.Equal((3, 2), (first.Items.Count, second.Items.Count));
        Assert.Null(second.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            record.ReadSectionAsync(patient, query with { Status = RecordStatusFilter.Active }, 3, first.ContinuationToken, default));
    }

    [Fact]
    public async Task Identifiers_find_their_items_and_tallies_follow_every_write()
    {
        var (record, _, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var source = new SourceIdentifier("urn:oid:2.16.840.1.113883.19.5|rx", "RX|1");
        var medication = RecordSamples.Item(patient, RecordSamples.Medication("Lisinopril", "2025-11-04"), source);
        var visit = RecordSamples.Item(patient, RecordSamples.Visit("2026-02-27T09:30:00-06:00"), confidential: true);
        await record.WriteAsync(RecordSamples.Write(patient, "w1", medication, visit), default);

        var found = await record.FindBySourceAsync(patient, [source, new SourceIdentifier("urn:oid:2.16.840.1.113883.19.5", "rx|RX|1")], default);
        var stored = Assert.Single(found).Value;
        Assert.Equal(medication.ItemId, stored.Value.ItemId);
        var stopped = stored.Value.Revise(RecordSamples.Medication("Lisinopril", "2025-11-04", MedicationStatus.Stopped), null, false, null, RecordSamples.At, "dr", "Dr. Patel", "Stopped");
        var eTag = await record.ReplaceAsync(stored.Value, stored.ETag, stopped, null, default);

        Assert.Equal(eTag, (await record.FindAsync(patient, RecordSection.Medications, medication.ItemId, default))!.ETag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => record.ReplaceAsync(stored.Value, stored.ETag, stopped with { Version = 3 }, null, default));
        var index = await record.ReadIndexAsync(patient, "someone", default);
        Assert.Equal(new SectionTally(0, 1, 2, RecordSamples.At), index.Tallies.All[RecordSection.Medications]);
        Assert.Equal((1, 1), (index.Tallies.All[RecordSection.Visits].Active, index.Tallies.All[RecordSection.Visits].Total));
        Assert.False(index.Tallies.Shared.ContainsKey(RecordSection.Visits));
        Assert.Equal(visit.ItemId, index.Tallies.LastVisit!.VisitId);
        Assert.Null(index.Tallies.LastSharedVisit);
    }

    [Fact]
    public async Task Marks_are_per_caller_and_the_summary_reads_them_with_the_tallies()
    {
        var (record, _, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var visit = RecordSamples.Item(patient, RecordSamples.Visit("2026-02-27T09:30:00-06:00"));
        await record.WriteAsync(RecordSamples.Write(patient, "w1", visit), default);

        await record.MarkSeenAsync(patient, "caregiver|1", new Dictionary<RecordSection, long> { [RecordSection.Visits] = 1 }, default);
        await record.MarkReviewedAsync(patient, "caregiver|1", visit.ItemId, RecordSamples.At, default);

        var caregiver = await record.ReadIndexAsync(patient, "caregiver|1", default);
        var patientSelf = await record.ReadIndexAsync(patient, "caregiver", default);
        Assert.Equal(1, caregiver.Marks.SeenChanges[RecordSection.Visits]);
        Assert.Equal([visit.ItemId], caregiver.Marks.ReviewedVisits);
        Assert.Empty(patientSelf.Marks.SeenChanges);
        Assert.Empty(patientSelf.Marks.ReviewedVisits);
        Assert.Equal(1, patientSelf.Tallies.All[RecordSection.Visits].Changes);
    }

    [Fact]
    public async Task A_visit_reads_with_what_was_started_stopped_and_diagnosed_at_it()
    {
        var (record, _, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var visit = RecordSamples.Item(patient, RecordSamples.Visit("2026-02-27T09:30:00-06:00"));
        var started = RecordSamples.Item(patient, RecordSamples.Medication("Amlodipine", "2026-02-27"), visitId: visit.ItemId);
        var stopped = RecordSamples.Item(patient, RecordSamples.Medication("Lisinopril", "2025-11-04", MedicationStatus.Stopped, visit.ItemId));
        var elsewhere = RecordSamples.Item(patient, RecordSamples.Medication("Metformin", "2024-01-02"));
        await record.WriteAsync(RecordSamples.Write(patient, "w1", visit, started, stopped, elsewhere), default);

        var read = await record.ReadVisitAsync(patient, visit.ItemId, default);

        Assert.Equal(visit.ItemId, read!.Visit.Value.ItemId);
        Assert.Equal(["Amlodipine", "Lisinopril"], read.Linked.Select(i => i.Content.Medication!.Name).Order());
        Assert.Null(await record.ReadVisitAsync(patient, started.ItemId, default));
        Assert.Null(await record.ReadVisitAsync(patient, "../x", default));
    }

    [Fact]
    public async Task A_write_and_its_notice_land_together_or_not_at_all()
    {
        var (record, tables, _) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var allergy = RecordSamples.Item(patient, RecordSamples.Allergy("Sulfa", "2001"));
        await record.WriteAsync(RecordSamples.Write(patient, "w1", allergy), default);
        var stored = (await record.FindAsync(patient, RecordSection.Allergies, allergy.ItemId, default))!;
        var notice = Notice.Create(patient, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", RecordSamples.At);
        var changed = stored.Value.Revise(RecordSamples.Allergy("Sulfa", "2001", AllergyClinicalStatus.Resolved), null, false, null, RecordSamples.At, "dr", null, null);
        await record.WriteAsync(new RecordWrite(patient, "w2", [new RecordChange(stored.Value, stored.ETag, changed)], notice), default);

        var late = Notice.Create(patient, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", RecordSamples.At);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            record.WriteAsync(new RecordWrite(patient, "w3", [new RecordChange(stored.Value, stored.ETag, changed with { Version = 9 })], late), default));

        Assert.True((await tables.Charts.GetEntityIfExistsAsync<TableEntity>(patient, "notice|" + notice.NoticeId)).HasValue);
        Assert.False((await tables.Charts.GetEntityIfExistsAsync<TableEntity>(patient, "notice|" + late.NoticeId)).HasValue);
        Assert.Equal(2, (await record.FindAsync(patient, RecordSection.Allergies, allergy.ItemId, default))!.Value.Version);
    }

    [Fact]
    public async Task A_write_larger_than_a_transaction_is_invisible_until_committed_and_its_retry_finishes_it()
    {
        var (record, tables, failing) = await CreateAsync();
        var patient = RecordSamples.NewPatient();
        var first = RecordSamples.Item(patient, RecordSamples.Weight(0), new SourceIdentifier("urn:ehr", "w-0"));
        await record.WriteAsync(RecordSamples.Write(patient, "w1", first), default);
        var stored = (await record.FindAsync(patient, RecordSection.Vitals, first.ItemId, default))!;
        var changes = new List<RecordChange>
        {
            new(stored.Value, stored.ETag, stored.Value.Revise(RecordSamples.Weight(0) with { VitalSign = RecordSamples.Weight(0).VitalSign! with { Performer = "Nurse Kim" } }, null, false, null, RecordSamples.At, "ehr", null, "Updated")),
        };
        changes.AddRange(Enumerable.Range(1, 130).Select(day => new RecordChange(null, null, RecordSamples.Item(patient, RecordSamples.Weight(day, padding: 20_000), new SourceIdentifier("urn:ehr", $"w-{day}")))));
        var notice = Notice.Create(patient, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", RecordSamples.At);
        var big = new RecordWrite(patient, "bigwrite1", changes, notice);
        var query = new RecordQuery(RecordSection.Vitals, RecordStatusFilter.All, true);

        // Stopped just before the commit point: nothing of it shows.
        failing.FailWhen = body => body.Contains("recbatch", StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => record.WriteAsync(big, default));
        failing.FailWhen = null;
        var page = await record.ReadSectionAsync(patient, query, 200, null, default);
        Assert.Equal([first.ItemId], page.Items.Select(i => i.ItemId));
        Assert.Null(page.Items[0].Content.VitalSign!.Performer);
        Assert.Empty(await record.FindBySourceAsync(patient, [new SourceIdentifier("urn:ehr", "w-7")], default));
        Assert.Equal(1, (await record.ReadIndexAsync(patient, "x", default)).Tallies.All[RecordSection.Vitals].Total);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => record.WriteAsync(RecordSamples.Write(patient, "other", RecordSamples.Item(patient, RecordSamples.Weight(200))), default));

        // The retry (same write id, the first item read again) commits; it stops before rolling forward.
        stored = (await record.FindAsync(patient, RecordSection.Vitals, first.ItemId, default))!;
        changes[0] = changes[0] with { ETag = stored.ETag };
        var committed = false;
        failing.FailWhen = body => committed || !(committed = body.Contains("recbatch", StringComparison.Ordinal)) && false;
        await record.WriteAsync(big with { Changes = changes }, default);
        failing.FailWhen = null;

        var all = await record.ReadSectionAsync(patient, query, 200, null, default);
        Assert.Equal(131, all.Items.Count);
        Assert.Equal("Nurse Kim", all.Items.Single(i => i.ItemId == first.ItemId).Content.VitalSign!.Performer);
        Assert.Single(await record.FindBySourceAsync(patient, [new SourceIdentifier("urn:ehr", "w-7")], default));
        Assert.Equal(131, (await record.ReadIndexAsync(patient, "x", default)).Tallies.All[RecordSection.Vitals].Total);
        Assert.True((await tables.Charts.GetEntityIfExistsAsync<TableEntity>(patient, "notice|" + notice.NoticeId)).HasValue);
        Assert.NotEmpty(await PendingRowsAsync(tables, patient));

        // The next write to the record rolls the rest forward first.
        await record.WriteAsync(RecordSamples.Write(patient, "after", RecordSamples.Item(patient, RecordSamples.Weight(300))), default);
        Assert.Empty(await PendingRowsAsync(tables, patient));
        Assert.Equal(132, (await record.ReadSectionAsync(patient, query, 200, null, default)).Items.Count);
    }

    private static async Task<List<string>> PendingRowsAsync(PortalTables tables, string patient)
    {
        var rows = new List<string>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>($"PartitionKey eq '{patient}' and PendingBatch gt ''"))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }
}
