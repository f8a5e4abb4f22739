namespace Portal.Core.Clinic;

/// <summary>The clinic running this portal (section <c>Clinic</c>).</summary>
public sealed class ClinicOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Clinic";

    /// <summary>The clinic's name, shown to patients and in SMS.</summary>
    public string Name { get; set; } = "Our Clinic";

    /// <summary>The clinic's IANA time zone, for wall-clock times (appointments, quiet hours).</summary>
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>Where patients sign in (the front end's address): the link in notices and SMS answers; empty: not named.</summary>
    public string PortalUrl { get; set; } = "";

    /// <summary>The clinic's phone number for patients, named in SMS help answers; empty: not named.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The days the clinic works, comma-separated English day names (business-day targets count only these).</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>The clinic's holidays, comma-separated <c>yyyy-MM-dd</c> dates (not business days, whatever the weekday).</summary>
    public string Holidays { get; set; } = "";
}
