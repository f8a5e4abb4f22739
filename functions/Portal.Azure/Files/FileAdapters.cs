using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Files;

namespace Portal.Azure.Files;

/// <summary>Stored files (documents, attachments): Blob Storage with short-lived download links.</summary>
internal static class FileAdapters
{
    public static IServiceCollection AddFileAdapters(this IServiceCollection services) => services
        .AddSingleton<IFileStore, BlobFileStore>();
}
