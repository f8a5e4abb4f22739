namespace Portal.LocalHost.Storage;

/// <summary>The repository root: where package.json, node_modules and .azurite live.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "PortalServerless.sln";

    /// <summary>Walks up from the app's output folder; falls back to the current directory.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
