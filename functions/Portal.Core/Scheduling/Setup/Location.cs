namespace Portal.Core.Scheduling.Setup;

/// <summary>Where in-person visits happen.</summary>
/// <param name="Id">Short stable id (<c>lakeview</c>).</param>
/// <param name="Name">As patients see it (<c>Lakeview office</c>).</param>
/// <param name="Line1">Street address.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Phone">The location's phone, or null for the clinic's.</param>
public sealed record Location(string Id, string Name, string Line1, string City, string State, string PostalCode, string? Phone) : ISetupItem
{
    /// <summary>The address on one line.</summary>
    public string Address => $"{Line1}, {City}, {State} {PostalCode}";

    /// <summary>A map search for the address (no API key: an ordinary link any phone opens).</summary>
    public string MapUrl => "https://www.google.com/maps/search/?api=1&query=" + Uri.EscapeDataString(Address);
}
