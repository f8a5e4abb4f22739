using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Calendar;

namespace Portal.Azure.Scheduling;

/// <summary>The Scheduling feature's adapters: setup, claims and reminders in <c>Schedule</c>, appointments in the charts.</summary>
internal static class SchedulingAdapters
{
    public static IServiceCollection AddSchedulingAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section))
            .Validate(options => options.VideoLinkTemplate.Length == 0
                    || (options.VideoLinkTemplate.StartsWith("https://", StringComparison.Ordinal) && options.VideoLinkTemplate.Contains("{appointmentId}", StringComparison.Ordinal)),
                "Scheduling:VideoLinkTemplate must be an https:// address with {appointmentId} in it, or empty.")
            .Validate(options => options.RequestHoldHours is >= 1 and <= 168 && options.VideoLinkOpensMinutes is >= 0 and <= 120,
                "Scheduling:RequestHoldHours must be 1 to 168 and Scheduling:VideoLinkOpensMinutes 0 to 120.")
            .Validate(options => options.WaitlistOffers is >= 1 and <= 20, "Scheduling:WaitlistOffers must be 1 to 20.")
            .ValidateOnStart();
        return services
            .AddSingleton<IClinicSetup, TableClinicSetup>()
            .AddSingleton<ISlotClaims, TableSlotClaims>()
            .AddSingleton<IAppointments, TableAppointments>()
            .AddSingleton<IReminders, TableReminders>()
            .AddSingleton<ICalendarTokens, TableCalendarTokens>()
            .AddSingleton<IProviderDays, TableProviderDays>()
            .AddSingleton<Core.Scheduling.Waitlist.IWaitlist, TableWaitlist>()
            .AddSingleton<Core.Scheduling.CheckIn.ICheckIns, TableCheckIns>();
    }
}
