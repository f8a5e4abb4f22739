namespace Portal.Core.Notifications.Inbound;

/// <summary>What became of one Event Grid delivery.</summary>
/// <param name="Handled">Events handled now.</param>
/// <param name="Duplicates">Events handled before (redeliveries): nothing changed.</param>
/// <param name="Ignored">Events the portal does not act on (other types; delivery reports while nothing records them).</param>
public sealed record CommunicationEventsReceipt(int Handled, int Duplicates, int Ignored);
