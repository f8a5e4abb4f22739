namespace Portal.InfraTests.Settings;

/// <summary>One row of the settings table in docs/CONFIGURATION.md.</summary>
internal sealed record DocumentedSetting(string Setting, string RequiredInAzure, string Default, string Meaning)
{
    /// <summary>A row like <c>AzureAd:*</c>: the whole section, library defaults.</summary>
    public bool IsWildcard => Setting.EndsWith(":*", StringComparison.Ordinal) || Setting.EndsWith("__*", StringComparison.Ordinal);

    /// <summary>The section a wildcard row covers (<c>AzureAd</c> for <c>AzureAd:*</c>).</summary>
    public string Section => IsWildcard ? SettingName.ToConfigurationKey(Setting)[..^2] : SettingName.ToConfigurationKey(Setting);

    public bool IsRequiredInAzure => RequiredInAzure.TrimStart().StartsWith("yes", StringComparison.OrdinalIgnoreCase);

    /// <summary>Optional in Azure, with a stated default (the app works without it).</summary>
    public bool IsOptionalWithDefault =>
        RequiredInAzure.TrimStart().StartsWith("no", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(Default);
}

/// <summary>Reads the settings table (Setting | Required in Azure | Default | Meaning …) from markdown.</summary>
internal static class ConfigurationDoc
{
    public static IReadOnlyList<DocumentedSetting> Load() =>
        Parse(File.ReadAllText(Repository.PathOf("docs", "CONFIGURATION.md")));

    public static IReadOnlyList<DocumentedSetting> Parse(string markdown)
    {
        var rows = new List<DocumentedSetting>();
        var lines = markdown.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Cells(lines[i]);
            var setting = IndexOf(header, "Setting");
            var required = IndexOf(header, "Required in Azure");
            var defaultValue = IndexOf(header, "Default");
            var meaning = IndexOf(header, "Meaning");
            if (setting < 0 || required < 0 || defaultValue < 0 || meaning < 0)
            {
                continue;
            }

            // Skip the |---|---| line, then read rows until the table ends.
            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                var cells = Cells(lines[i]);
                if (cells.Count <= Math.Max(Math.Max(setting, required), Math.Max(defaultValue, meaning)))
                {
                    continue;
                }

                var name = Unquote(cells[setting]);
                if (name.Length > 0)
                {
                    rows.Add(new DocumentedSetting(name, Unquote(cells[required]), Unquote(cells[defaultValue]), cells[meaning]));
                }
            }
        }

        return rows;
    }

    private static int IndexOf(List<string> cells, string title) =>
        cells.FindIndex(c => string.Equals(c, title, StringComparison.OrdinalIgnoreCase));

    private static List<string> Cells(string line)
    {
        if (!line.StartsWith('|'))
        {
            return [];
        }

        var trimmed = line.Trim('|');
        return [.. trimmed.Split('|').Select(c => c.Trim())];
    }

    private static string Unquote(string cell) => cell.Replace("`", "", StringComparison.Ordinal).Trim();
}
