using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Labs.Ingestion;
using Portal.Core.Labs.Fhir;
using Portal.Core.Labs.Results;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Labs;

/// <summary>Registers the Labs feature's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class LabsCore
{
    /// <summary>Ingestion, the unmatched work queue, release rules, the results reads and their FHIR resources.</summary>
    public static IServiceCollection AddLabs(this IServiceCollection services)
    {
        services.AddOptions<LabsOptions>();
        services.AddSingleton<LabSenders>();
        services.AddSingleton<LabMessageReader>();
        services.AddSingleton<PatientMatcher>();
        services.AddSingleton<LabChartWriter>();
        services.AddSingleton<IngestLabMessage>();
        services.AddSingleton<ReceiveQueuedLabMessage>();
        services.AddSingleton<UnmatchedQueue>();
        services.AddSingleton<ListUnmatchedResults>();
        services.AddSingleton<ResolveUnmatchedResult>();
        services.AddSingleton<ILabResultsReader, LabResultsFhirReader>();
        services.AddSingleton<ResultsAccess>();
        services.AddSingleton<ListResults>();
        services.AddSingleton<ReadResult>();
        services.AddSingleton<ResultTrends>();
        services.AddSingleton<ResultReleases>();
        services.AddSingleton<ResultHoldChoices>();
        services.AddSingleton<ReleaseDueResults>();
        return services;
    }
}
