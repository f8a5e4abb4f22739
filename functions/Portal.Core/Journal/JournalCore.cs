using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Labs.Results;

namespace Portal.Core.Journal;

/// <summary>Registers the Journal feature's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class JournalCore
{
    /// <summary>Entries, questions for the next visit, shares, and the home values results trends show.</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services) => services
        .AddSingleton<JournalAccess>()
        .AddSingleton<AddJournalEntry>()
        .AddSingleton<ListJournal>()
        .AddSingleton<ReadJournalEntry>()
        .AddSingleton<ChangeJournalEntry>()
        .AddSingleton<AddQuestion>()
        .AddSingleton<ListQuestions>()
        .AddSingleton<ChangeQuestion>()
        .AddSingleton<ShareJournal>()
        .AddSingleton<ListShares>()
        .AddSingleton<IHomeTrendValues, JournalTrendValues>();
}
