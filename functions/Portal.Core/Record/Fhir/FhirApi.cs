using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Record.Fhir;

/// <summary>Registers the FHIR API's use cases (its adapters: the host's composition root).</summary>
public static class FhirApi
{
    /// <summary>Adds the sources and the read and search use cases.</summary>
    public static IServiceCollection AddFhirApi(this IServiceCollection services) => services
        .AddSingleton<FhirSources>()
        .AddSingleton<Export.IRecordFhirMapping, FhirRecordMapping>()
        .AddSingleton<SearchFhirResources>()
        .AddSingleton<ReadFhirResource>();
}
