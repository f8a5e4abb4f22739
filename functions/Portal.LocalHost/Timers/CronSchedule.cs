using NCrontab;
using Portal.LocalHost.Catalog;

namespace Portal.LocalHost.Timers;

/// <summary>Parses a timer schedule: NCRONTAB with seconds (6 fields) or without (5), after <c>%Setting%</c> resolution.</summary>
internal static class CronSchedule
{
    public static CrontabSchedule Parse(string expression, IConfiguration configuration)
    {
        var resolved = AppSettingExpression.Resolve(expression, configuration);
        var fields = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            throw new FormatException($"Schedule '{resolved}' is not an NCRONTAB expression of 5 or 6 fields (TimeSpan schedules are not supported).");
        }

        return CrontabSchedule.Parse(string.Join(' ', fields), new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 });
    }
}
