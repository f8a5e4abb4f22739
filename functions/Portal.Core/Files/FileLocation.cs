namespace Portal.Core.Files;

/// <summary>Where a stored file lives: a container and a name in it (a path that starts with the patient id).</summary>
/// <param name="Container">The container, one per kind of file (<c>documents</c>, <c>attachments</c>).</param>
/// <param name="Name">The blob name, e.g. <c>{patientId}/{fileId}</c>; never derived from the caller's file name.</param>
public sealed record FileLocation(string Container, string Name);
