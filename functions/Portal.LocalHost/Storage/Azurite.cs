using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.LocalHost.Storage;

/// <summary>
/// An Azurite process on loopback, installed from the repository's package.json when missing.
/// Strict mode (no <c>--loose</c>), so requests Azure would reject fail locally too.
/// The process is stopped on dispose, killed when this process exits, and exits by itself when this process
/// dies without warning (its stdin pipe closes), so no Azurite is left behind.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    /// <summary>The well-known development account (public, documented by Microsoft).</summary>
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly bool persistent;
    private readonly EventHandler killOnExit;

    private Azurite(Process process, bool persistent, IReadOnlyDictionary<string, Uri> endpoints)
    {
        this.process = process;
        this.persistent = persistent;
        BlobEndpoint = new Uri(endpoints["Blob"], AccountName);
        QueueEndpoint = new Uri(endpoints["Queue"], AccountName);
        TableEndpoint = new Uri(endpoints["Table"], AccountName);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
        killOnExit = (_, _) => Stop(TimeSpan.Zero);
        AppDomain.CurrentDomain.ProcessExit += killOnExit;
    }

    /// <summary>The node process, for tests that kill it the hard way.</summary>
    internal int ProcessId => process.Id;

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>A connection string with explicit endpoints, usable as <c>PortalStorage</c> / <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(AzuriteOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var clock = Stopwatch.StartNew();
        var root = options.RepositoryRoot ?? RepositoryRoot.Find();
        var entryPoint = await AzuriteInstaller.EnsureInstalledAsync(root, logger, cancellationToken);
        var process = new Process { StartInfo = StartInfo(root, entryPoint, options), EnableRaisingEvents = true };
        var output = new ConcurrentQueue<string>();
        var endpoints = new ConcurrentDictionary<string, Uri>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (!ready.Task.IsCompleted)
            {
                output.Enqueue(line); // for the startup error message only
            }

            logger.LogDebug("Azurite: {Line}", line);
            if (ListeningLine().Match(line) is { Success: true } listening)
            {
                endpoints[listening.Groups["service"].Value] = new Uri(listening.Groups["url"].Value);
                if (endpoints.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
            else if (AddressInUseLine().Match(line) is { Success: true } inUse)
            {
                ready.TrySetException(new InvalidOperationException(
                    $"Port {inUse.Groups["port"].Value} on {inUse.Groups["host"].Value} is already in use, so Azurite cannot start. " +
                    "Another Azurite or Portal.LocalHost is probably running: stop it, or set PortalStorage to a connection string to use that storage instead."));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(ExitedEarly(process));

        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "node was not found. Install Node.js 20 (https://nodejs.org) to run Azurite locally, or set PortalStorage to a storage connection string.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(options.StartTimeout, cancellationToken);
        }
        catch (Exception e)
        {
            Kill(process);
            process.Dispose();
            var what = e switch
            {
                TimeoutException => $"Azurite did not report its three services listening within {options.StartTimeout.TotalSeconds:0} s.",
                OperationCanceledException => "Azurite's start was cancelled.",
                _ => e.Message,
            };
            var failure = new AzuriteStartFailure(what, clock.Elapsed, options, endpoints, output, entryPoint);
            throw e is TimeoutException ? new TimeoutException(failure.ToString(), e) : new InvalidOperationException(failure.ToString(), e);
        }

        logger.LogInformation("Azurite is listening: blob {Blob}, queue {Queue}, table {Table}.", endpoints["Blob"], endpoints["Queue"], endpoints["Table"]);
        return new Azurite(process, options.DataDirectory is not null, endpoints);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= killOnExit;
        await Task.Run(() => Stop(persistent ? GracefulStop : TimeSpan.Zero));
        process.Dispose();
    }

    /// <summary>Also runs on a normal stop, when <c>ready</c> is long set; it must never throw.</summary>
    private static InvalidOperationException ExitedEarly(Process process)
    {
        string exitCode;
        try
        {
            process.WaitForExit(); // drains the output first, so a port-in-use line wins over this
            exitCode = process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            exitCode = "unknown";
        }

        return new InvalidOperationException($"Azurite exited (code {exitCode}) before it was ready.");
    }

    private static ProcessStartInfo StartInfo(string root, string entryPoint, AzuriteOptions options)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true, // kept open until we stop; see exit-with-parent.cjs
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = options.DataDirectory is { } directory
            ? ["--location", Directory.CreateDirectory(directory).FullName]
            : ["--inMemoryPersistence"];
        string[] arguments =
        [
            "--require", Path.Combine(AppContext.BaseDirectory, "Storage", "exit-with-parent.cjs"),
            entryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", Port(options.BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(options.QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(options.TablePort),
            "--skipApiVersionCheck", "--disableTelemetry", .. storage,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>With persisted data, asks Azurite to close first (SIGTERM) so it flushes its files.</summary>
    private void Stop(TimeSpan grace)
    {
        try
        {
            if (grace > TimeSpan.Zero && !OperatingSystem.IsWindows() && !process.HasExited && SendSignal(process.Id, Sigterm) == 0)
            {
                process.WaitForExit(grace);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            // Already gone, or no libc: kill it below.
        }

        Kill(process);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Never started, or already gone.
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"EADDRINUSE: address already in use (?<host>[^\s:]+):(?<port>\d+)")]
    private static partial Regex AddressInUseLine();
}
