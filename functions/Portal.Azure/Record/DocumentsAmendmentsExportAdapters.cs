using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Record.Amendments;
using Portal.Core.Record.Amendments;

namespace Portal.Azure.Record;

/// <summary>The adapters of the record's documents, amendment requests and export (document and export bytes go through the file store).</summary>
internal static class DocumentsAmendmentsExportAdapters
{
    public static IServiceCollection AddDocumentsAmendmentsExportAdapters(this IServiceCollection services) => services
        .AddSingleton<IAmendmentRequests, TableAmendmentRequests>();
}
