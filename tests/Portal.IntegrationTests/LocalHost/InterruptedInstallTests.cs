using System.Diagnostics;
using Azure.Data.Tables;
using Portal.LocalHost.Storage;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>
/// A local host killed without warning (SIGKILL) during or after its first <c>npm ci</c> must not stop the next
/// start in the same clone: no stale lock, no half-installed package, no half-written data. Runs in a scratch copy
/// of the repository's package files, with the real npm and the real Azurite.
/// </summary>
public sealed class InterruptedInstallTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("portal-install-").FullName;

    public InterruptedInstallTests()
    {
        var repository = RepositoryRoot.Find();
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(root, file));
        }
    }

    [Fact]
    public async Task Starts_after_a_kill_during_npm_ci_with_the_lock_held_and_after_a_kill_while_running()
    {
        // The host held the install lock and npm was writing node_modules when both were killed.
        var work = Directory.CreateDirectory(Path.Combine(root, ".azurite")).FullName;
        using (var lockHolder = Start("flock", Path.Combine(work, "npm-install.lock"), "sleep", "600"))
        using (var npm = Start("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"))
        {
            await WaitUntilAsync(() => Directory.Exists(Path.Combine(root, "node_modules")) || npm.HasExited, TimeSpan.FromSeconds(60));
            lockHolder.Kill(entireProcessTree: true);
            npm.Kill(entireProcessTree: true);
            await Task.WhenAll(lockHolder.WaitForExitAsync(), npm.WaitForExitAsync());
        }

        // What an older interrupted install could also leave: a staging folder, a package with holes.
        Directory.CreateDirectory(Path.Combine(work, "npm-staging-interrupted", "node_modules", "half"));
        Directory.CreateDirectory(Path.Combine(root, "node_modules", "azurite"));
        File.WriteAllText(Path.Combine(root, "node_modules", "azurite", "package.json"), """{"name":"azurite","bi""");

        var data = Path.Combine(work, "data");
        var first = await Azurite.StartAsync(new AzuriteOptions { RepositoryRoot = root, DataDirectory = data });
        await AssertServesTablesAsync(first, "AfterInstall");
        Assert.NotNull(AzuriteInstaller.FindEntryPoint(root));
        Assert.Empty(Directory.EnumerateDirectories(work, "npm-staging-*"));

        // Killed while running, with data on disk: the next start finds the install and its data as they were.
        using (var node = Process.GetProcessById(first.ProcessId))
        {
            node.Kill();
            await node.WaitForExitAsync();
        }

        await first.DisposeAsync();
        await using var second = await Azurite.StartAsync(new AzuriteOptions { RepositoryRoot = root, DataDirectory = data });
        await AssertServesTablesAsync(second, "AfterKill");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder; the OS cleans it eventually.
        }
    }

    private Process Start(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < limit)
        {
            await Task.Delay(50);
        }
    }

    private static async Task AssertServesTablesAsync(Azurite azurite, string table)
    {
        var client = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await client.CreateIfNotExistsAsync();
        await client.UpsertEntityAsync(new TableEntity("p", "r"));
        Assert.True((await client.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }
}
