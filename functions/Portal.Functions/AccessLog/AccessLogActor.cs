namespace Portal.Functions.AccessLog;

/// <summary>Who accessed the chart.</summary>
/// <param name="Subject">Their sign-in subject.</param>
/// <param name="Name">Their display name at the time.</param>
internal sealed record AccessLogActor(string Subject, string? Name);
