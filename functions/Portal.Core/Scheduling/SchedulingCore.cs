using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications.Inbound;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>Registers the Scheduling feature's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class SchedulingCore
{
    /// <summary>Adds the use cases and the C/X reply handler.</summary>
    public static IServiceCollection AddSchedulingCore(this IServiceCollection services)
    {
        services.AddSingleton<SetupChanges>();
        services.AddSingleton<FindSlots>();
        services.AddSingleton<AppointmentScope>();
        services.AddSingleton<SlotBooking>();
        services.AddSingleton<Waitlist.WaitlistOffers>();
        services.AddSingleton<Waitlist.JoinWaitlist>();
        services.AddSingleton<Waitlist.ListWaitlist>();
        services.AddSingleton<Waitlist.LeaveWaitlist>();
        services.AddSingleton<CheckIn.CheckInOnline>();
        services.AddSingleton<CheckIn.GetCheckIn>();
        services.AddSingleton<BookAppointment>();
        services.AddSingleton<GetAppointment>();
        services.AddSingleton<ListAppointments>();
        services.AddSingleton<CancelAppointment>();
        services.AddSingleton<RescheduleAppointment>();
        services.AddSingleton<DecideRequest>();
        services.AddSingleton<MarkAttendance>();
        services.AddSingleton<ListRequests>();
        services.AddSingleton<ViewProviderDays>();
        services.AddSingleton<SweepSchedule>();
        services.AddSingleton<Calendar.CalendarFiles>();
        services.AddSingleton<Fhir.SchedulingFhirReads>();
        services.AddSingleton<IInboundTextHandler, ReminderReplies>();
        return services;
    }
}
