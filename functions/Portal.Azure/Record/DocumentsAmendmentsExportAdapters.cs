using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Record.Amendments;
using Portal.Core.Record.Amendments;

namespace Portal.Azure.Record;

/// <summary>
/// The adapters of the record's documents, amendment requests and export: the requests and their queue in tables, the
/// clinic's denial texts from configuration (document and export bytes go through the file store).
/// </summary>
internal static class DocumentsAmendmentsExportAdapters
{
    public static IServiceCollection AddDocumentsAmendmentsExportAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AmendmentOptions>().Bind(configuration.GetSection(AmendmentOptions.Section))
            .Validate(
                options => new[] { options.DisagreementRights, options.FutureDisclosures, options.Complaints, options.ContactTitle }.All(text => !string.IsNullOrWhiteSpace(text)),
                "Amendments:DisagreementRights, FutureDisclosures, Complaints and ContactTitle may not be empty: every denial must carry them (45 CFR 164.526(d)).")
            .ValidateOnStart();
        return services.AddSingleton<IAmendmentRequests, TableAmendmentRequests>();
    }
}
