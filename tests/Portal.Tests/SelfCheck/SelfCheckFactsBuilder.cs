using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Labs;
using Portal.Core.Labs.Results;
using Portal.Core.Messaging;
using Portal.Core.Record;
using Portal.Core.SelfCheck;

namespace Portal.Tests.SelfCheck;

/// <summary>Histories for the self-check's rules: a patient <c>pat</c> seen at <see cref="Now"/>.</summary>
internal static class SelfCheckFactsBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 18, 0, 0, TimeSpan.Zero);
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static SelfCheckContext Patient(bool spanish = false) =>
        new(Now, Now.AddMonths(-SelfCheckContext.WindowMonths), Chicago, spanish, new HashSet<string> { "pat" }, "self", CaregiverViewer: false);

    public static SelfCheckFacts Empty() => new(
        [], new ReviewMarks(RecordTallies.Empty, new Dictionary<string, IReadOnlyDictionary<RecordSection, long>>(), []), [], [],
        SectionConfirmations.None, [], [], false, 0);

    public static AuditEvent Seen(DateTimeOffset at, string action = "records.read", string resource = "patients/p/record", bool? mfa = true, string actingAs = "self", string subject = "pat") =>
        new(at, subject, "Pat", actingAs, null, "p", action, resource, AuditOutcome.Success, null, null, mfa);

    public static LabResult Result(string id, DateTimeOffset releasedAt, DateTimeOffset? reviewedAt, params ResultFlag[] flags) => new(
        "p", id, "lab", null, "4548-4", "HbA1c", ResultCategory.General, LabResultStatus.Final, releasedAt, releasedAt, releasedAt, null, null, [], 1, 1,
        flags, ReleaseState.Released, releasedAt, null, [], null, reviewedAt, [], []);

    public static MessageThread Thread(DateTimeOffset createdAt) =>
        new("p", Guid.NewGuid().ToString("N"), "care-team", "Question", ThreadStatus.Open, createdAt, createdAt, null, 1, null, new Dictionary<string, int>());

    public static PatientLink Grant(DateTimeOffset? expires) =>
        new("cg", "p", LinkKind.Proxy, "Pat", ["records.read"], expires, null, "g", "parent");
}
