using Hl7.Fhir.Model;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Port: the FHIR types that belong to the clinic rather than to a patient (<see cref="FhirResourceKind.ClinicLevel"/>:
/// Slot, Schedule). No patient is named and no chart is opened; what a caller may see is what the portal's own
/// endpoints show them (open slots of visit types they may book, the providers' schedules).
/// </summary>
public interface IClinicFhirResources
{
    /// <summary>A page of the type's resources for the search's parameters (each name once, but repeatable date parameters); 400 for bad parameters.</summary>
    Task<Result<Page<Resource>>> SearchAsync(
        Caller caller, FhirResourceKind kind, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, int count, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The resource of the type with that id, or null when there is none the caller may see.</summary>
    Task<Resource?> FindAsync(Caller caller, FhirResourceKind kind, string id, CancellationToken cancellationToken);
}
