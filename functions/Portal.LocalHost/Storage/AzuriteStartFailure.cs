using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Portal.LocalHost.Storage;

/// <summary>
/// Why Azurite did not start, in plain words and with what one needs to tell a slow machine from a broken
/// install: the time taken, the ports asked for and heard, the node and npm versions, and Azurite's own output.
/// </summary>
internal sealed class AzuriteStartFailure(
    string what,
    TimeSpan elapsed,
    AzuriteOptions options,
    ConcurrentDictionary<string, Uri> heard,
    ConcurrentQueue<string> output,
    string entryPoint)
{
    private const int OutputLines = 40;

    public override string ToString()
    {
        var text = new StringBuilder(what).AppendLine();
        text.AppendLine($"  after {elapsed.TotalSeconds:0.0} s (the limit is {options.StartTimeout.TotalSeconds:0} s); {MachineLoad.Describe()}");
        text.AppendLine($"  ports asked: blob {Port(options.BlobPort)}, queue {Port(options.QueuePort)}, table {Port(options.TablePort)}");
        text.AppendLine($"  services heard listening: {(heard.IsEmpty ? "none" : string.Join(", ", heard.OrderBy(h => h.Key).Select(h => $"{h.Key.ToLowerInvariant()} {h.Value}")))}");
        text.AppendLine($"  node {Version("node")}, npm {Version(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")}, Azurite at {entryPoint}");
        var lines = output.ToArray();
        text.Append(lines.Length == 0 ? "  Azurite wrote nothing." : $"  Azurite wrote{(lines.Length > OutputLines ? $" (last {OutputLines} lines)" : "")}:");
        foreach (var line in lines.TakeLast(OutputLines))
        {
            text.AppendLine().Append("    ").Append(line);
        }

        return text.ToString();
    }

    private static string Port(int port) => port == 0 ? "any free" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tool's <c>--version</c>, or why it could not be asked.</summary>
    private static string Version(string tool)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var version = process.StandardOutput.ReadLineAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)) || !version.Wait(TimeSpan.FromSeconds(1)))
            {
                process.Kill(entireProcessTree: true);
                return "(did not answer --version in 10 s)";
            }

            return version.Result?.Trim() ?? "(no version)";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "(not found)";
        }
    }
}
