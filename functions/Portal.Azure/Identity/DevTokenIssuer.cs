using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Azure.Identity;

/// <summary>
/// Issues signed tokens for local development and tests. Its key is random per process, so a token
/// never outlives the local host that made it; it is registered only in the Development environment.
/// </summary>
public sealed class DevTokenIssuer(string audience, TimeProvider time)
{
    /// <summary>The issuer claim of every development token.</summary>
    public const string Issuer = "https://dev-tokens.portal.local/";

    /// <summary>The lifetime of a development token.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The audience the portal accepts.</summary>
    public string Audience { get; } = audience;

    /// <summary>The signing key, for the token validation of the development scheme.</summary>
    public SymmetricSecurityKey SigningKey { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev" };

    /// <summary>A signed token with the claims an Entra token would carry (<paramref name="scopes"/> as one space-separated <c>scp</c>).</summary>
    public string Issue(string subject, string? name, IEnumerable<string> roles, bool mfa, string? audience = null, TimeSpan? lifetime = null, IReadOnlyCollection<string>? scopes = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new("sub", subject), new("oid", subject), new("amr", "pwd") };
        if (mfa)
        {
            claims.Add(new Claim("amr", "mfa"));
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim("name", name));
        }

        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        if (scopes is { Count: > 0 })
        {
            claims.Add(new Claim("scp", string.Join(' ', scopes)));
        }

        var expires = now + (lifetime ?? Lifetime);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = lifetime < TimeSpan.Zero ? expires - Lifetime : now,
            NotBefore = lifetime < TimeSpan.Zero ? expires - Lifetime : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
