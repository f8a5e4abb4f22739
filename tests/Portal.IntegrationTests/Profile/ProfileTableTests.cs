using Portal.Azure.Profile;
using Portal.Core.Common;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Profile;

/// <summary>The profile adapter against Azurite: writes guarded by the ETag.</summary>
public class ProfileTableTests
{
    [Fact]
    public async Task Profile_writes_are_guarded_by_the_etag()
    {
        var tables = await TestTables.CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        await TestTables.Registry(tables).RegisterAsync(TestTables.Profile(id, $"E-{Guid.NewGuid():N}"[..20]), TestTables.Activation(id), default);
        var profiles = new TableProfiles(tables);
        var read = (await profiles.FindAsync(id, default))!;

        var newETag = await profiles.ReplaceAsync(read.Value with { SmsConsent = true }, read.ETag, null, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => profiles.ReplaceAsync(read.Value with { EmailConsent = true }, read.ETag, null, default));
        var now = (await profiles.FindAsync(id, default))!;
        Assert.Equal(newETag, now.ETag);
        Assert.True(now.Value.SmsConsent);
        Assert.False(now.Value.EmailConsent);
    }
}
