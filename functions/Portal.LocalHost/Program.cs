using Portal.LocalHost;
using Portal.LocalHost.DemoData;

// Runs Portal.Functions on this machine without Core Tools (DESIGN.md §3): HTTP functions on
// http://127.0.0.1:7071/api, timers, queue triggers, and Azurite unless PortalStorage is configured.
LocalPortal portal;
try
{
    portal = await LocalPortal.StartAsync(new LocalPortalOptions
    {
        Args = args,
        Seed = DemoSeed.SeedAsync,
    });
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException)
{
    // Startup problems (port taken, no Node.js, unsupported function) are explained by their message.
    Console.Error.WriteLine($"Portal.LocalHost could not start: {e.Message}");
    return 1;
}

await using (portal)
{
    if (portal.SeedOutput is { Length: > 0 } seeded)
    {
        Console.WriteLine(seeded.Replace("{baseUrl}", portal.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
    }

    Console.WriteLine($"Portal running at {portal.ApiBaseAddress.ToString().TrimEnd('/')}");
    await portal.WaitForShutdownAsync();
}

return 0;
