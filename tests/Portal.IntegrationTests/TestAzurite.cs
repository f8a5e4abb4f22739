using Portal.LocalHost.Storage;

namespace Portal.IntegrationTests;

/// <summary>
/// One Azurite per test assembly, on free ports with in-memory data, so tests run in parallel and while a
/// local host holds the default ports. Azurite kills its process when the test process exits.
/// </summary>
public static class TestAzurite
{
    private static readonly SharedFixture<Azurite> Instance = new("Azurite", () => Azurite.StartAsync(new AzuriteOptions()));

    public static Task<Azurite> GetAsync() => Instance.GetAsync();
}
