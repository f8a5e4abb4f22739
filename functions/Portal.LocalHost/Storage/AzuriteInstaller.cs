using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Portal.LocalHost.Storage;

/// <summary>
/// Makes sure the Azurite pinned in the repository's package.json is installed in node_modules,
/// running npm at most once at a time across processes (test assemblies start in parallel).
/// </summary>
internal static class AzuriteInstaller
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <returns>The path of Azurite's entry script (its package.json <c>bin.azurite</c>).</returns>
    public static async Task<string> EnsureInstalledAsync(string root, ILogger logger, CancellationToken cancellationToken)
    {
        // npm ci deletes node_modules first, so the lock lives in the git-ignored .azurite folder. The lock is an
        // OS file lock: a process killed while holding it (even with SIGKILL) releases it.
        var work = Directory.CreateDirectory(Path.Combine(root, ".azurite")).FullName;
        await using var installLock = await AcquireLockAsync(Path.Combine(work, "npm-install.lock"), cancellationToken);
        if (FindEntryPoint(root) is { } installed)
        {
            return installed;
        }

        // A host killed during an install can leave npm running as an orphan, still writing. So npm never writes
        // node_modules itself: it installs into a staging folder of its own, which moves into place whole once
        // complete. An interrupted install leaves at worst a staging folder (removed below) — never a
        // half-written node_modules that looks installed.
        RemoveLeftovers(work);
        var staging = Directory.CreateDirectory(Path.Combine(work, $"{StagingPrefix}{Guid.NewGuid():N}")).FullName;
        var command = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
        foreach (var file in new[] { "package.json", "package-lock.json" }.Where(f => File.Exists(Path.Combine(root, f))))
        {
            File.Copy(Path.Combine(root, file), Path.Combine(staging, file));
        }

        logger.LogInformation("Azurite is not installed; running 'npm {Command}' for {Root}.", command, root);
        await RunNpmAsync(staging, command, cancellationToken);
        if (FindEntryPoint(staging) is null)
        {
            throw new InvalidOperationException($"'npm {command}' succeeded but node_modules/azurite is missing: is azurite a devDependency in {Path.Combine(root, "package.json")}?");
        }

        var nodeModules = Path.Combine(root, "node_modules");
        if (Directory.Exists(nodeModules))
        {
            // Whatever is there is incomplete (FindEntryPoint said so): set it aside first, as one rename.
            Directory.Move(nodeModules, Path.Combine(work, $"{StagingPrefix}old-{Guid.NewGuid():N}"));
        }

        Directory.Move(Path.Combine(staging, "node_modules"), nodeModules);
        RemoveLeftovers(work);
        return FindEntryPoint(root) ?? throw new InvalidOperationException($"Azurite was installed but {nodeModules} does not hold it.");
    }

    private const string StagingPrefix = "npm-staging-";

    /// <summary>Staging folders of earlier, interrupted installs. Best effort: an orphaned npm may still hold files.</summary>
    private static void RemoveLeftovers(string work)
    {
        foreach (var leftover in Directory.EnumerateDirectories(work, StagingPrefix + "*"))
        {
            try
            {
                Directory.Delete(leftover, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed next time.
            }
        }
    }

    /// <summary>The entry script when <paramref name="root"/>/node_modules holds a complete install, else null.</summary>
    internal static string? FindEntryPoint(string root)
    {
        // npm writes node_modules/.package-lock.json last, and it names every package installed: all of them must
        // still be there (an 'npm ci' run by hand and killed while it deleted node_modules leaves holes).
        var nodeModules = Path.Combine(root, "node_modules");
        var installed = Path.Combine(nodeModules, ".package-lock.json");
        var package = Path.Combine(nodeModules, "azurite", "package.json");
        if (!File.Exists(installed) || !File.Exists(package))
        {
            return null;
        }

        try
        {
            using var lockFile = JsonDocument.Parse(File.ReadAllText(installed));
            if (lockFile.RootElement.GetProperty("packages").EnumerateObject()
                .Any(p => !File.Exists(Path.Combine(root, p.Name, "package.json"))))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(package));
            var bin = document.RootElement.GetProperty("bin").GetProperty("azurite").GetString()!;
            var entryPoint = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(package)!, bin));
            return File.Exists(entryPoint) ? entryPoint : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null; // a file cut short: not a complete install
        }
    }

    /// <summary>An exclusive FileShare.None handle is a cross-process lock (flock on Unix).</summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task RunNpmAsync(string directory, string command, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --prefer-offline: a second clone on the same machine installs from npm's cache in seconds.
        foreach (var argument in new[] { command, "--no-audit", "--no-fund", "--prefer-offline" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var npm = new Process { StartInfo = startInfo };
        npm.OutputDataReceived += (_, e) => Append(output, e.Data);
        npm.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            npm.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "npm was not found. Install Node.js 20 (https://nodejs.org) to run Azurite locally, or set PortalStorage to a storage connection string.", e);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        // No host is listening for signals yet, and SIGTERM does not raise ProcessExit: stop npm with us.
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Kill(npm));
        using var onSigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Kill(npm));
        using var onSighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => Kill(npm));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(npm);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm {command}' in {directory} failed with exit code {npm.ExitCode}:{Environment.NewLine}{Text(output)}");
        }
    }

    private static void Kill(Process npm)
    {
        try
        {
            npm.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
