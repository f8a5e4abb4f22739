using Azure.Data.Tables;
using Portal.Azure.Patients;
using Portal.Azure.Tables;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.IntegrationTests.Storage;

/// <summary>The portal's tables on the assembly's Azurite, and small records for adapter tests.</summary>
internal static class TestTables
{
    public static async Task<PortalTables> CreateAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var name in PortalTables.Names)
        {
            await service.CreateTableIfNotExistsAsync(name);
        }

        return new PortalTables(service);
    }

    /// <summary>The registry as the app wires it.</summary>
    public static TablePatientRegistry Registry(PortalTables tables) => new(tables, new TableActivations(tables), TimeProvider.System);

    public static PatientProfile Profile(string id, string mrn) => new(
        id, mrn, "Ada", "Lovelace", new DateOnly(1815, 12, 10), "+15555550100", null, null, null, null, false, false, [], null);

    public static PendingActivation Activation(string id) =>
        new(ActivationCode.Hash(Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()), id, "Ada Lovelace", new DateOnly(1815, 12, 10), DateTimeOffset.UtcNow.AddDays(14));
}
