using Azure.Data.Tables;
using Portal.Azure.Patients;
using Portal.Azure.Profile;
using Portal.Core.Common;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Patients;

/// <summary>The registration and activation adapters against Azurite: MRN conflicts, partial-failure recovery, ETags.</summary>
public class PatientTableTests
{
    [Fact]
    public async Task A_duplicate_mrn_is_refused_and_a_half_finished_registration_is_adopted_on_retry()
    {
        var tables = await TestTables.CreateAsync();
        var registry = TestTables.Registry(tables);
        var mrn = $"M-{Guid.NewGuid():N}"[..20];

        // A crash after the MRN index was written but before the chart: the index is orphaned.
        var orphanId = Guid.NewGuid().ToString("N");
        await tables.Lookups.AddEntityAsync(new TableEntity("mrn", mrn.ToUpperInvariant()) { ["PatientId"] = orphanId });

        var retryId = await registry.RegisterAsync(TestTables.Profile(Guid.NewGuid().ToString("N"), mrn), TestTables.Activation("x"), default);
        var duplicate = await registry.RegisterAsync(TestTables.Profile(Guid.NewGuid().ToString("N"), mrn.ToLowerInvariant()), TestTables.Activation("y"), default);

        Assert.Equal(orphanId, retryId);
        Assert.Null(duplicate);
        var stored = await new TableProfiles(tables).FindAsync(orphanId, default);
        Assert.Equal(orphanId, stored!.Value.PatientId);
    }

    [Fact]
    public async Task Activation_updates_lose_to_a_concurrent_change()
    {
        var tables = await TestTables.CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        var pending = TestTables.Activation(id);
        await TestTables.Registry(tables).RegisterAsync(TestTables.Profile(id, $"A-{Guid.NewGuid():N}"[..20]), pending, default);
        var activations = new TableActivations(tables);
        var read = (await activations.FindAsync(pending.CodeHash, default))!;

        await activations.UpdateAsync(read.Value with { RedeemedBy = "first" }, read.ETag, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => activations.UpdateAsync(read.Value with { RedeemedBy = "second" }, read.ETag, default));
        Assert.Equal("first", (await activations.FindAsync(pending.CodeHash, default))!.Value.RedeemedBy);
    }
}
