using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record.Fhir;

namespace Portal.Azure.Fhir;

/// <summary>The FHIR API's adapters: its settings.</summary>
internal static class FhirAdapters
{
    public static IServiceCollection AddFhirAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FhirOptions>().Bind(configuration.GetSection(FhirOptions.Section))
            .Validate(options => Uri.IsWellFormedUriString(options.PatientIdentifierSystem, UriKind.Absolute), "Fhir:PatientIdentifierSystem must be an absolute URI (urn:oid:…, https://…).")
            .ValidateOnStart();
        return services;
    }
}
