using Portal.Azure.Access;
using Portal.Core.Access;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Access;

/// <summary>The patient-link adapter against Azurite: keys with characters tables forbid.</summary>
public class PatientLinkTableTests
{
    [Fact]
    public async Task Links_survive_subjects_with_characters_tables_forbid()
    {
        var tables = await TestTables.CreateAsync();
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
    public async Task A_caregivers_grant_is_also_in_the_patients_chart_and_a_revocation_reaches_it()
    {
        var tables = await TestTables.CreateAsync();
        var links = new TablePatientLinks(tables);
        var patientId = $"pat/{Guid.NewGuid():N}";
        var carer = $"carer/{Guid.NewGuid():N}";
        var grant = new PatientLink(carer, patientId, LinkKind.Proxy, "Leo", ["messages.read"], DateTimeOffset.UtcNow.AddDays(1), null, "g1", "parent");

        await links.SaveAsync(new PatientLink($"self-{Guid.NewGuid():N}", patientId, LinkKind.Self, "Leo", []), default);
        await links.SaveAsync(grant, default);
        await links.SaveAsync(grant with { RevokedAt = DateTimeOffset.UtcNow }, default);

        var caregivers = await links.CaregiversAsync(patientId, default);
        Assert.Equal((carer, "parent"), (Assert.Single(caregivers).Subject, caregivers[0].Relationship));
        Assert.False(caregivers[0].IsActive(DateTimeOffset.UtcNow));
    }
}
