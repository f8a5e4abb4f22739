using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Record.Amendments;
using Portal.Core.Record.Documents;
using Portal.Core.Record.Export;

namespace Portal.Core.Record;

/// <summary>Registers the record's documents, amendment requests and export (called once from <see cref="PortalCore"/>).</summary>
public static class DocumentsAmendmentsExport
{
    /// <summary>Adds their use cases, the document bytes over the file store, and the export's FHIR mapping unless one is registered.</summary>
    public static IServiceCollection AddDocumentsAmendmentsExport(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentContent, DocumentFiles>();
        services.AddSingleton<UploadDocument>();
        services.AddSingleton<LinkDocument>();
        services.AddSingleton<RequestAmendment>();
        services.AddSingleton<ListAmendments>();
        services.AddSingleton<ReadAmendment>();
        services.AddSingleton<AmendmentWrites>();
        services.AddSingleton<DecideAmendment>();
        services.AddSingleton<FileDisagreement>();
        services.AddSingleton<ListOpenAmendments>();
        services.AddSingleton<ExportRecord>();

        return services;
    }
}
