namespace Portal.Core.Common;

/// <summary>Thrown by stores for a continuation token that the list did not issue.</summary>
public sealed class InvalidContinuationTokenException() : FormatException("The continuation token is not valid for this list.");
