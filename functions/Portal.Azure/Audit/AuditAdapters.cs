using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;

namespace Portal.Azure.Audit;

/// <summary>The Audit feature's adapters: the append-only audit log.</summary>
internal static class AuditAdapters
{
    public static IServiceCollection AddAuditAdapters(this IServiceCollection services) => services
        .AddSingleton<IAuditLog, TableAuditLog>();
}
