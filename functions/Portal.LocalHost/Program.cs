using Portal.LocalHost;

// Runs Portal.Functions on this machine without Core Tools (DESIGN.md §3): HTTP functions on
// http://127.0.0.1:7071/api, timers, queue triggers, and Azurite unless PortalStorage is configured.
await using var portal = await LocalPortal.StartAsync(new LocalPortalOptions
{
    Args = args,

    // App team: pass the demo-data seeder here, e.g. `Seed = DemoData.SeedAsync,`
    // (Func<IServiceProvider, CancellationToken, Task<string?>>; the text it returns is printed below).
    Seed = null,
});

if (portal.SeedOutput is { Length: > 0 } seeded)
{
    Console.WriteLine(seeded);
}

Console.WriteLine($"Portal running at {portal.ApiBaseAddress.ToString().TrimEnd('/')}");
await portal.WaitForShutdownAsync();
