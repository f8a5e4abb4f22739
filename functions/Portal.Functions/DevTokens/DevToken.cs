namespace Portal.Functions.DevTokens;

/// <summary>A development access token, to send as <c>Authorization: Bearer {accessToken}</c>.</summary>
/// <param name="AccessToken">The signed JWT.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
internal sealed record DevToken(string AccessToken, string TokenType, int ExpiresIn);
