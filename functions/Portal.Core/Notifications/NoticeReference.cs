namespace Portal.Core.Notifications;

/// <summary>Which notice: what the <c>notifications</c> queue carries and the sweep finds.</summary>
/// <param name="PatientId">The patient (the chart partition the notice lives in).</param>
/// <param name="NoticeId">The notice's id within the chart.</param>
public sealed record NoticeReference(string PatientId, string NoticeId);
