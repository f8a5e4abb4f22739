using Azure.Data.Tables;
using Portal.Azure.Patients;
using Portal.Azure.Profile;
using Portal.Core.Common;
using Portal.Core.Patients;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Patients;

/// <summary>The patient index against Azurite: prefix ranges, order, tokens, half-finished registrations, atomic code replacement.</summary>
public class PatientIndexTableTests
{
    [Fact]
    public async Task A_family_name_prefix_is_one_range_in_name_order_and_its_neighbours_stay_out()
    {
        var tables = await TestTables.CreateAsync();
        var birthDate = UniqueBirthDate();
        foreach (var (given, family) in new[] { ("Ana", "Nuñez"), ("Bo", "Nun"), ("Cy", "Nunn"), ("Di", "Numa"), ("Ed", "Nuo"), ("Flo", "Nuñez") })
        {
            await TestTables.Registry(tables).RegisterAsync(Profile(given, family, birthDate), TestTables.Activation("x"), default);
        }

        var found = await new TablePatientIndex(tables, new TableProfiles(tables)).FindByNameAsync("NUN", birthDate, 50, null, default);

        Assert.Equal(["Bo Nun", "Ana Nuñez", "Flo Nuñez", "Cy Nunn"], found.Items.Select(p => $"{p.GivenName} {p.FamilyName}"));
    }

    [Fact]
    public async Task Pages_follow_their_token_and_a_token_from_another_search_is_refused()
    {
        var tables = await TestTables.CreateAsync();
        var birthDate = UniqueBirthDate();
        for (var i = 0; i < 3; i++)
        {
            await TestTables.Registry(tables).RegisterAsync(Profile($"Kid{i}", "Okafor", birthDate), TestTables.Activation("x"), default);
        }

        var index = new TablePatientIndex(tables, new TableProfiles(tables));
        var first = await index.FindByNameAsync("OKA", birthDate, 2, null, default);
        var second = await index.FindByNameAsync("OKA", birthDate, 2, first.ContinuationToken, default);

        Assert.Equal(["KID0", "KID1", "KID2"], first.Items.Concat(second.Items).Select(p => p.GivenName.ToUpperInvariant()));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => index.FindByNameAsync("OK", birthDate, 2, first.ContinuationToken, default));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => index.FindByNameAsync("OKA", birthDate.AddDays(1), 2, first.ContinuationToken, default));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => index.FindByNameAsync("OKA", birthDate, 2, "bm90IG91cnM", default));
    }

    [Fact]
    public async Task A_retry_that_corrects_the_name_of_a_half_finished_registration_moves_its_name_row_and_ends_its_code()
    {
        var tables = await TestTables.CreateAsync();
        var birthDate = UniqueBirthDate();
        var mrn = $"H-{Guid.NewGuid():N}"[..20];
        var orphanId = Guid.NewGuid().ToString("N");
        var typo = Profile("Ana", "Nunes", birthDate, orphanId, mrn);

        // A crash after the index rows and the code, before the chart.
        await tables.Lookups.AddEntityAsync(PatientIndexRows.MrnEntity(PatientIndexRows.Found(typo)));
        await tables.Lookups.AddEntityAsync(PatientIndexRows.NameEntity(PatientIndexRows.Found(typo)));
        var firstCode = TestTables.Activation(orphanId);
        await tables.Lookups.SubmitTransactionAsync(TableActivations.IssueActions(firstCode));

        var secondCode = TestTables.Activation("ignored");
        var adopted = await TestTables.Registry(tables).RegisterAsync(Profile("Ana", "Nuñez", birthDate, Guid.NewGuid().ToString("N"), mrn), secondCode, default);

        Assert.Equal(orphanId, adopted);
        var index = new TablePatientIndex(tables, new TableProfiles(tables));
        Assert.Equal(["Nuñez"], (await index.FindByNameAsync("NUN", birthDate, 50, null, default)).Items.Select(p => p.FamilyName));
        Assert.Equal("Nuñez", (await index.FindByMrnAsync(mrn.ToLowerInvariant(), default))!.FamilyName);
        var activations = new TableActivations(tables);
        Assert.True((await activations.FindAsync(firstCode.CodeHash, default))!.Value.ExpiresAt <= DateTimeOffset.UtcNow);
        Assert.Equal(secondCode.CodeHash, (await activations.FindCurrentAsync(orphanId, default))!.Value.CodeHash);
    }

    [Fact]
    public async Task An_mrn_row_from_before_the_name_index_is_answered_from_the_profile()
    {
        var tables = await TestTables.CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        var mrn = $"L-{Guid.NewGuid():N}"[..20];
        await tables.Lookups.AddEntityAsync(new TableEntity("mrn", mrn.ToUpperInvariant()) { ["PatientId"] = id });
        await tables.Charts.AddEntityAsync(TableProfiles.ToEntity(TestTables.Profile(id, mrn)));

        var found = await new TablePatientIndex(tables, new TableProfiles(tables)).FindByMrnAsync(mrn, default);

        Assert.Equal(new FoundPatient(id, "Ada", "Lovelace", new DateOnly(1815, 12, 10), mrn), found);
    }

    [Fact]
    public async Task Replacing_a_code_that_changed_since_it_was_read_writes_nothing()
    {
        var tables = await TestTables.CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        var first = TestTables.Activation(id);
        await TestTables.Registry(tables).RegisterAsync(TestTables.Profile(id, $"R-{Guid.NewGuid():N}"[..20]), first, default);
        var activations = new TableActivations(tables);
        var read = (await activations.FindCurrentAsync(id, default))!;
        await activations.UpdateAsync(read.Value with { RedeemedBy = "ana" }, read.ETag, default);
        var replacement = TestTables.Activation(id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => activations.ReplaceAsync(read, replacement, DateTimeOffset.UtcNow, default));

        Assert.Null(await activations.FindAsync(replacement.CodeHash, default));
        Assert.Equal(first.CodeHash, (await activations.FindCurrentAsync(id, default))!.Value.CodeHash);
    }

    private static DateOnly UniqueBirthDate() => new DateOnly(1900, 1, 1).AddDays(Random.Shared.Next(0, 20_000));

    private static Core.Profile.PatientProfile Profile(string given, string family, DateOnly birthDate, string? id = null, string? mrn = null) =>
        TestTables.Profile(id ?? Guid.NewGuid().ToString("N"), mrn ?? $"N-{Guid.NewGuid():N}"[..20]) with { GivenName = given, FamilyName = family, BirthDate = birthDate };
}
