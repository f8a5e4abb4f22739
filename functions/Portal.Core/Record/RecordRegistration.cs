using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Record;

/// <summary>The Record feature's use cases.</summary>
public static class RecordRegistration
{
    /// <summary>Adds them.</summary>
    public static IServiceCollection AddRecordUseCases(this IServiceCollection services) => services
        .AddSingleton<ReadRecordSummary>()
        .AddSingleton<ReadRecordSection>()
        .AddSingleton<ReadVisit>()
        .AddSingleton<PushRecordBundle>()
        .AddSingleton<RecordPublishing>()
        .AddSingleton<PublishVisitSummary>()
        .AddSingleton<AddMedication>()
        .AddSingleton<EndMedication>();
}
