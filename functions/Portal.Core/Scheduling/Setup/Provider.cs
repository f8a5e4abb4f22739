namespace Portal.Core.Scheduling.Setup;

/// <summary>Someone patients book with: a physician, a nurse practitioner.</summary>
/// <param name="Id">Short stable id (<c>dr-chen</c>): lowercase letters, digits and dashes.</param>
/// <param name="Name">As patients see it (<c>Dr. Mei Chen, MD</c>).</param>
/// <param name="Specialty">What they do (<c>Family medicine</c>), or null.</param>
/// <param name="Active">False: no new bookings; existing appointments stay.</param>
public sealed record Provider(string Id, string Name, string? Specialty, bool Active = true) : ISetupItem;
