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
        // npm ci deletes node_modules first, so the lock lives in the git-ignored .azurite folder.
        var lockDirectory = Directory.CreateDirectory(Path.Combine(root, ".azurite")).FullName;
        await using var installLock = await AcquireLockAsync(Path.Combine(lockDirectory, "npm-install.lock"), cancellationToken);
        if (FindEntryPoint(root) is { } installed)
        {
            return installed;
        }

        var command = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
        logger.LogInformation("Azurite is not installed; running 'npm {Command}' in {Root}.", command, root);
        await RunNpmAsync(root, command, cancellationToken);
        return FindEntryPoint(root)
            ?? throw new InvalidOperationException($"'npm {command}' succeeded but node_modules/azurite is missing: is azurite a devDependency in {Path.Combine(root, "package.json")}?");
    }

    private static string? FindEntryPoint(string root)
    {
        // npm writes node_modules/.package-lock.json last, so an interrupted install does not count.
        var package = Path.Combine(root, "node_modules", "azurite", "package.json");
        if (!File.Exists(Path.Combine(root, "node_modules", ".package-lock.json")) || !File.Exists(package))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(package));
        var bin = document.RootElement.GetProperty("bin").GetProperty("azurite").GetString()!;
        var entryPoint = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(package)!, bin));
        return File.Exists(entryPoint) ? entryPoint : null;
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

    private static async Task RunNpmAsync(string root, string command, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { command, "--no-audit", "--no-fund" })
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
            throw new InvalidOperationException($"'npm {command}' in {root} failed with exit code {npm.ExitCode}:{Environment.NewLine}{Text(output)}");
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
