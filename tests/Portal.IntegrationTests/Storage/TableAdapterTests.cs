using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.IntegrationTests.Storage;

/// <summary>The table adapters against a real Azurite: keys, ETags, conflicts, paging and partial-failure recovery.</summary>
public class TableAdapterTests
{
    private static async Task<PortalTables> TablesAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var name in PortalTables.Names)
        {
            await service.CreateTableIfNotExistsAsync(name);
        }

        return new PortalTables(service);
    }

    private static PatientProfile Profile(string id, string mrn) => new(
        id, mrn, "Ada", "Lovelace", new DateOnly(1815, 12, 10), "+15555550100", null, null, null, null, false, false, [], null);

    private static PendingActivation Activation(string id) =>
        new(ActivationCode.Hash(Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()), id, "Ada Lovelace", new DateOnly(1815, 12, 10), DateTimeOffset.UtcNow.AddDays(14));

    [Fact]
    public async Task A_duplicate_mrn_is_refused_and_a_half_finished_registration_is_adopted_on_retry()
    {
        var tables = await TablesAsync();
        var registry = new TablePatientRegistry(tables);
        var mrn = $"M-{Guid.NewGuid():N}"[..20];

        // A crash after the MRN index was written but before the chart: the index is orphaned.
        var orphanId = Guid.NewGuid().ToString("N");
        await tables.Lookups.AddEntityAsync(new TableEntity("mrn", mrn.ToUpperInvariant()) { ["PatientId"] = orphanId });

        var retryId = await registry.RegisterAsync(Profile(Guid.NewGuid().ToString("N"), mrn), Activation("x"), default);
        var duplicate = await registry.RegisterAsync(Profile(Guid.NewGuid().ToString("N"), mrn.ToLowerInvariant()), Activation("y"), default);

        Assert.Equal(orphanId, retryId);
        Assert.Null(duplicate);
        var stored = await new TableProfiles(tables).FindAsync(orphanId, default);
        Assert.Equal(orphanId, stored!.Value.PatientId);
    }

    [Fact]
    public async Task Profile_writes_are_guarded_by_the_etag()
    {
        var tables = await TablesAsync();
        var id = Guid.NewGuid().ToString("N");
        await new TablePatientRegistry(tables).RegisterAsync(Profile(id, $"E-{Guid.NewGuid():N}"[..20]), Activation(id), default);
        var profiles = new TableProfiles(tables);
        var read = (await profiles.FindAsync(id, default))!;

        var newETag = await profiles.ReplaceAsync(read.Value with { SmsConsent = true }, read.ETag, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => profiles.ReplaceAsync(read.Value with { EmailConsent = true }, read.ETag, default));
        var now = (await profiles.FindAsync(id, default))!;
        Assert.Equal(newETag, now.ETag);
        Assert.True(now.Value.SmsConsent);
        Assert.False(now.Value.EmailConsent);
    }

    [Fact]
    public async Task Links_survive_subjects_with_characters_tables_forbid()
    {
        var tables = await TablesAsync();
        var links = new TablePatientLinks(tables);
        var subject = $"ext/{Guid.NewGuid():N}#?%\\";
        var link = new PatientLink(subject, "pat/1", LinkKind.Proxy, "Leo", ["results.read"], DateTimeOffset.UtcNow.AddDays(1), null, "g1", "parent");

        await links.SaveAsync(link, default);
        await links.SaveAsync(link, default);

        var found = await links.FindAsync(subject, "pat/1", default);
        Assert.Equal(["results.read"], found!.Scopes);
        Assert.Equal(("pat/1", LinkKind.Proxy, "parent"), (found.PatientId, found.Kind, found.Relationship));
        Assert.Single(await links.ListAsync(subject, default));
    }

    [Fact]
    public async Task Activation_updates_lose_to_a_concurrent_change()
    {
        var tables = await TablesAsync();
        var id = Guid.NewGuid().ToString("N");
        var pending = Activation(id);
        await new TablePatientRegistry(tables).RegisterAsync(Profile(id, $"A-{Guid.NewGuid():N}"[..20]), pending, default);
        var activations = new TableActivations(tables);
        var read = (await activations.FindAsync(pending.CodeHash, default))!;

        await activations.UpdateAsync(read.Value with { RedeemedBy = "first" }, read.ETag, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => activations.UpdateAsync(read.Value with { RedeemedBy = "second" }, read.ETag, default));
        Assert.Equal("first", (await activations.FindAsync(pending.CodeHash, default))!.Value.RedeemedBy);
    }

    [Fact]
    public async Task The_audit_log_reads_newest_first_in_pages_and_refuses_another_patients_token()
    {
        var tables = await TablesAsync();
        var log = new TableAuditLog(tables);
        var patient = Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await log.AppendAsync(new AuditEvent(start.AddSeconds(i), "s", null, "self", null, patient, $"a{i}", "r", AuditOutcome.Success, null, null), default);
        }

        var first = await log.ListAsync(patient, 2, null, default);
        var second = await log.ListAsync(patient, 2, first.ContinuationToken, default);
        var third = await log.ListAsync(patient, 2, second.ContinuationToken, default);

        Assert.Equal(["a4", "a3", "a2", "a1", "a0"], first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Action));
        Assert.Null(third.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => log.ListAsync(Guid.NewGuid().ToString("N"), 2, first.ContinuationToken, default));
    }
}
