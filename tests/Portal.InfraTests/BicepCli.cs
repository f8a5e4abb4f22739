using System.Diagnostics;
using System.Reflection;

namespace Portal.InfraTests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package. MSBuild passes its
/// $(BicepPath) to the test assembly as an AssemblyMetadata attribute.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> ExecutablePath = new(Locate);

    public static string Path => ExecutablePath.Value;

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <c>bicep build FILE --stdout</c>: the ARM JSON on stdout, diagnostics on stderr.</summary>
    public static Result Build(string bicepFile) => Run("build", bicepFile, "--stdout");

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks, no network: the build is offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var configured = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException("The test assembly has no BicepPath metadata: is Azure.Bicep.CommandLine.linux-x64 referenced?");
        }

        // The package's props build the path with Windows separators.
        var path = System.IO.Path.GetFullPath(
            OperatingSystem.IsWindows() ? configured : configured.Replace('\\', '/'));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; restore the test project.", path);
        }

        // A fresh NuGet cache may extract the binary without its execute bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }
}
