namespace Portal.Core.SelfCheck;

/// <summary>Whose habits an answer is about, and how it is told.</summary>
/// <param name="Now">When the check runs.</param>
/// <param name="Since">Start of the window (six months back).</param>
/// <param name="Zone">The clinic's time zone (days and months are the clinic's).</param>
/// <param name="Spanish">True for Spanish texts.</param>
/// <param name="Subjects">The sign-in subjects whose habits are measured (the patient's, or one caregiver's).</param>
/// <param name="ActingAs"><c>self</c> for the patient's habits, <c>proxy</c> for a caregiver's own.</param>
/// <param name="CaregiverViewer">True when a caregiver reads: confidential items are never counted.</param>
public sealed record SelfCheckContext(DateTimeOffset Now, DateTimeOffset Since, TimeZoneInfo Zone, bool Spanish, IReadOnlySet<string> Subjects, string ActingAs, bool CaregiverViewer)
{
    /// <summary>Months looked back.</summary>
    public const int WindowMonths = 6;

    /// <summary>The text in the report's language.</summary>
    public string T(string english, string spanish) => Spanish ? spanish : english;

    /// <summary>True for an event of the habits measured (the subjects, in the capacity).</summary>
    public bool IsOwn(Audit.AuditEvent e) => e.ActingAs == ActingAs && Subjects.Contains(e.ActorSubject);

    /// <summary>Midnight of a clinic day, as an instant.</summary>
    public DateTimeOffset DayStart(DateOnly day) => Clinic.ClinicClock.At(Zone, day, TimeOnly.MinValue);

    /// <summary>The clinic's day of an instant.</summary>
    public DateOnly Day(DateTimeOffset at) => Clinic.ClinicClock.DateOf(Zone, at);

    /// <summary>The status from a measure: at or above <paramref name="good"/> good, at or above <paramref name="fair"/> could be better.</summary>
    public static SelfCheckStatus Grade(decimal measure, decimal good, decimal fair) =>
        measure >= good ? SelfCheckStatus.Good : measure >= fair ? SelfCheckStatus.CouldBeBetter : SelfCheckStatus.NeedsAttention;

    /// <summary>A share as a whole percentage.</summary>
    public static decimal Percent(int part, int whole) => whole == 0 ? 100 : Math.Floor(100m * part / whole);
}
