using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Patients;

namespace Portal.Azure.Patients;

/// <summary>The Patients feature's adapters: registration, the patient index and activation codes.</summary>
internal static class PatientAdapters
{
    public static IServiceCollection AddPatientAdapters(this IServiceCollection services) => services
        .AddSingleton<IPatientRegistry, TablePatientRegistry>()
        .AddSingleton<IPatientIndex, TablePatientIndex>()
        .AddSingleton<IActivations, TableActivations>();
}
