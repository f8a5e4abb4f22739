using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Journal;

namespace Portal.Azure.Journal;

/// <summary>The Journal feature's adapter: the journal in the charts table.</summary>
internal static class JournalAdapters
{
    public static IServiceCollection AddJournalAdapters(this IServiceCollection services) => services.AddSingleton<IJournal, TableJournal>();
}
