namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// "Tell me if an earlier slot opens" for a visit type with a provider. Without dates: any start from now until the
/// patient's own visit of this type with this provider (or, holding none, the visit type's booking horizon).
/// </summary>
/// <param name="VisitTypeId">The visit type.</param>
/// <param name="ProviderId">The provider.</param>
/// <param name="From">The first date wanted (clinic's dates), or null: from now.</param>
/// <param name="To">The last date wanted, or null: until the patient's own visit, or the horizon.</param>
public sealed record WaitlistRequest(string VisitTypeId, string ProviderId, DateOnly? From, DateOnly? To);
