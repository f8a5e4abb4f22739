namespace Portal.Core.Scheduling;

/// <summary>A booking: a slot from <c>GET /api/schedule/slots</c> and the reason for the visit.</summary>
/// <param name="VisitTypeId">The visit type.</param>
/// <param name="ProviderId">The provider of the slot.</param>
/// <param name="Start">The slot's start, as the slot search gave it (any offset; the instant counts).</param>
/// <param name="Reason">Why the patient comes (1 to 500 characters); never in notices or calendars.</param>
public sealed record NewAppointment(string VisitTypeId, string ProviderId, DateTimeOffset Start, string Reason);

/// <summary>A move of an appointment to another slot of the same visit type.</summary>
/// <param name="Start">The new slot's start.</param>
/// <param name="ProviderId">The new slot's provider; null: the same provider.</param>
public sealed record AppointmentMove(DateTimeOffset Start, string? ProviderId);
