namespace Portal.InfraTests;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortalServerless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PortalServerless.sln above {AppContext.BaseDirectory}.");
    }
}
