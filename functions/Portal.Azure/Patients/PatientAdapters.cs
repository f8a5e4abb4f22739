using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Patients;

namespace Portal.Azure.Patients;

/// <summary>The Patients feature's adapters: registration, activation codes and registration replays.</summary>
internal static class PatientAdapters
{
    public static IServiceCollection AddPatientAdapters(this IServiceCollection services) => services
        .AddSingleton<IPatientRegistry, TablePatientRegistry>()
        .AddSingleton<IActivations, TableActivations>()
        .AddSingleton<IRegistrationReplays, TableRegistrationReplays>();
}
