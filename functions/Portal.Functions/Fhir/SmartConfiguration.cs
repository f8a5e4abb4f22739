using System.Text.Json.Serialization;

namespace Portal.Functions.Fhir;

/// <summary>The SMART App Launch 2 discovery document (<c>.well-known/smart-configuration</c>).</summary>
/// <param name="AuthorizationEndpoint">Entra ID's authorization endpoint.</param>
/// <param name="TokenEndpoint">Entra ID's token endpoint.</param>
/// <param name="GrantTypesSupported">The grants apps use.</param>
/// <param name="TokenEndpointAuthMethodsSupported">How confidential apps authenticate at the token endpoint.</param>
/// <param name="ScopesSupported">The scopes this API understands (Entra ID registers them with '.' for '/').</param>
/// <param name="ResponseTypesSupported">The authorization response types.</param>
/// <param name="Capabilities">The SMART capabilities this server and Entra ID together offer.</param>
/// <param name="CodeChallengeMethodsSupported">PKCE methods (S256 only).</param>
public sealed record SmartConfiguration(
    [property: JsonPropertyName("authorization_endpoint")] string AuthorizationEndpoint,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("capabilities")] IReadOnlyList<string> Capabilities,
    [property: JsonPropertyName("code_challenge_methods_supported")] IReadOnlyList<string> CodeChallengeMethodsSupported);
