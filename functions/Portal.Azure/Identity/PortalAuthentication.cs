using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Azure.Identity;

/// <summary>
/// Bearer authentication: Entra ID / External ID tokens through Microsoft.Identity.Web, plus, in
/// Development only, tokens from <see cref="DevTokenIssuer"/>. Functions call
/// <c>HttpContext.AuthenticateAsync(Scheme)</c> themselves: the worker runs no authentication middleware.
/// </summary>
public static class PortalAuthentication
{
    /// <summary>The scheme functions authenticate with; it forwards to Entra or to the development scheme.</summary>
    public const string Scheme = "Portal";

    /// <summary>The development tokens' scheme.</summary>
    public const string DevScheme = "DevBearer";

    internal static void AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var devTokens = configuration.GetSection(DevTokenOptions.Section).Get<DevTokenOptions>() ?? new DevTokenOptions();
        if (devTokens.Enabled && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"DevTokens:Enabled is true in the '{environment.EnvironmentName}' environment. The development token issuer may only run in Development; remove the setting.");
        }

        var azureAd = configuration.GetSection("AzureAd");
        var clientId = azureAd["ClientId"];
        var hasEntra = !string.IsNullOrWhiteSpace(clientId);
        if (!hasEntra && !devTokens.Enabled)
        {
            throw new InvalidOperationException("AzureAd:ClientId is not configured: the portal cannot validate tokens. See docs/DEPLOY.md.");
        }

        var authentication = services.AddAuthentication(Scheme);
        if (hasEntra)
        {
            authentication.AddMicrosoftIdentityWebApi(configuration, "AzureAd", JwtBearerDefaults.AuthenticationScheme);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.MapInboundClaims = false);
        }

        if (devTokens.Enabled)
        {
            var configured = azureAd["Audience"];
            var audience = !string.IsNullOrWhiteSpace(configured) ? configured : hasEntra ? $"api://{clientId}" : "api://portal-dev";
            services.AddSingleton(provider => new DevTokenIssuer(audience, provider.GetRequiredService<TimeProvider>()));
            authentication.AddJwtBearer(DevScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(DevScheme).Configure<DevTokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevTokenIssuer.Issuer,
                    ValidAudience = issuer.Audience,
                    IssuerSigningKey = issuer.SigningKey,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        }

        authentication.AddPolicyScheme(Scheme, Scheme, options =>
            options.ForwardDefaultSelector = context =>
                devTokens.Enabled && (!hasEntra || IsDevToken(context.Request)) ? DevScheme : JwtBearerDefaults.AuthenticationScheme);
    }

    // Peeks at the unvalidated issuer only to pick the scheme; that scheme then validates everything.
    private static bool IsDevToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer == DevTokenIssuer.Issuer;
    }
}
