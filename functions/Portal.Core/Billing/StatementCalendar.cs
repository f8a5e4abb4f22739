using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;

namespace Portal.Core.Billing;

/// <summary>
/// When statements close: once a month on the clinic's statement day and hour, in the clinic's time zone. Each month's
/// close is a cycle named <c>yyyy-MM</c>; an account takes part in a cycle at most once.
/// </summary>
public sealed class StatementCalendar(IOptions<BillingOptions> billing, IOptions<ClinicOptions> clinic)
{
    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    /// <summary>The cycle's name, e.g. <c>2026-11</c>.</summary>
    public static string CycleOf(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The instant the statements of <paramref name="month"/>'s cycle close.</summary>
    public DateTimeOffset CloseOf(DateOnly month)
    {
        var local = new DateTime(month.Year, month.Month, billing.Value.StatementDay, billing.Value.StatementHour, 0, 0, DateTimeKind.Unspecified);
        // A close hour skipped by a daylight-saving jump happens an hour later.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The cycle due at <paramref name="now"/>: this month's once its close has passed, else the previous month's.</summary>
    public DateOnly CycleAt(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        return CloseOf(month) <= now ? month : month.AddMonths(-1);
    }

    /// <summary>The clinic-local date at <paramref name="now"/>.</summary>
    public DateOnly ClinicDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The first close strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextCloseAfter(DateTimeOffset now) => CloseOf(CycleAt(now).AddMonths(1));
}
