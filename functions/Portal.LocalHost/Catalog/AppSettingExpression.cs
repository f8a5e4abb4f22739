using System.Text.RegularExpressions;

namespace Portal.LocalHost.Catalog;

/// <summary>Resolves <c>%SettingName%</c> in trigger attributes from configuration, as the Functions host does.</summary>
internal static partial class AppSettingExpression
{
    public static string Resolve(string expression, IConfiguration configuration) =>
        SettingReference().Replace(expression, match =>
            configuration[match.Groups[1].Value]
            ?? throw new InvalidOperationException($"App setting '{match.Groups[1].Value}' used in '{expression}' is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
