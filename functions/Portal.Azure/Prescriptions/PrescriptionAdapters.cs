using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Azure.Record;
using Portal.Core.Clinic;
using Portal.Core.Prescriptions;

namespace Portal.Azure.Prescriptions;

/// <summary>The Prescriptions feature's adapters: requests, reports and the refill-due index in tables; its settings.</summary>
internal static class PrescriptionAdapters
{
    public static IServiceCollection AddPrescriptionAdapters(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<PrescriptionOptions>().Bind(configuration.GetSection(PrescriptionOptions.Section))
            .Validate(o => o.RefillTargetBusinessDays is >= 1 and <= 30, "Prescriptions:RefillTargetBusinessDays must be 1 to 30.")
            .Validate(o => o.RefillDueDays is >= 1 and <= 30, "Prescriptions:RefillDueDays must be 1 to 30.")
            .ValidateOnStart();
        services.AddOptions<ClinicOptions>()
            .Validate(ClinicCalendar.IsValid, "Clinic:WorkingDays must name at least one day (Monday … Sunday, comma-separated) and Clinic:Holidays be yyyy-MM-dd dates, comma-separated.")
            .ValidateOnStart();
        return services
            .AddSingleton<IRefillRequests, TableRefillRequests>()
            .AddSingleton<IReportedItems, TableReportedItems>()
            .AddSingleton<IRefillReminders, TableRefillReminders>()
            .AddSingleton<IRecordWriteIndex, RefillDueIndex>();
    }
}
