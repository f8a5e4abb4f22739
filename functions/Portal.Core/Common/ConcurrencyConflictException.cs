namespace Portal.Core.Common;

/// <summary>Thrown by stores when a conditional write loses: the ETag no longer matches, or the key already exists.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
