namespace Portal.LocalHost.Storage;

/// <summary>How busy this machine is, for start-up failure messages: a slow start on a loaded machine looks like a hang.</summary>
internal static class MachineLoad
{
    /// <summary>E.g. "2 cores, load 3.95 2.10 1.02" (the 1, 5 and 15 minute averages where the OS tells them).</summary>
    public static string Describe()
    {
        var load = "unknown";
        try
        {
            if (File.Exists("/proc/loadavg"))
            {
                load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
        }
        catch (IOException)
        {
            // Keep "unknown".
        }

        return $"{Environment.ProcessorCount} cores, load {load}";
    }
}
