using System.Globalization;
using Hl7.Fhir.Model;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Prescriptions;

/// <summary>
/// A refill request as a FHIR R4 <c>Task</c> (code <c>fulfill</c>: fulfil the focal MedicationRequest). <c>focus</c> is
/// the first medication's MedicationRequest, and every medication of the request is an <c>input</c>; the pharmacy is an
/// input too. <c>status</c> follows the request's state: requested → requested, in review → in-progress, approved →
/// completed, denied and needs a visit → rejected (the reason, or the visit type, in <c>statusReason</c>), cancelled →
/// cancelled; <c>businessStatus</c> names the portal's own state. The version is the number of steps taken.
/// </summary>
public static class RefillTaskResource
{
    /// <summary>The portal's states, for <c>businessStatus</c>.</summary>
    public const string StateSystem = "urn:portal:refill-request-state";

    private const string TaskCodes = "http://hl7.org/fhir/CodeSystem/task-code";

    /// <summary>The resource.</summary>
    public static Hl7.Fhir.Model.Task From(RefillRequest request)
    {
        var last = request.History[^1];
        var medications = request.Medications.Select(m => new ResourceReference($"MedicationRequest/{m.MedicationId}", m.Name)).ToList();
        var task = new Hl7.Fhir.Model.Task
        {
            Id = request.RequestId,
            Meta = new Meta { VersionId = request.History.Count.ToString(CultureInfo.InvariantCulture), LastUpdated = last.At },
            Status = StatusOf(request.State),
            BusinessStatus = new CodeableConcept(StateSystem, Code(request.State), Display(request.State)),
            StatusReason = request switch
            {
                { State: RefillState.Denied, DenialReason: { } reason } => new CodeableConcept { Text = reason },
                { State: RefillState.NeedsVisit, Visit: { } visit } => new CodeableConcept { Text = $"A visit is needed first: {visit.VisitTypeName}" },
                _ => null,
            },
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Code = new CodeableConcept(TaskCodes, "fulfill", "Fulfill the focal request"),
            Description = "Refill request",
            Focus = medications[0],
            For = FhirResources.Patient(request.PatientId),
            AuthoredOnElement = new FhirDateTime(request.RequestedAt),
            LastModifiedElement = new FhirDateTime(last.At),
            Requester = new ResourceReference { Display = request.RequestedByName },
            Note = request.Note is { } note ? [new Annotation { Text = new Markdown(note) }] : [],
            Restriction = new Hl7.Fhir.Model.Task.RestrictionComponent { Period = new Period { End = request.DueAt.ToString("o", CultureInfo.InvariantCulture) } },
            Input =
            [
                .. medications.Select(m => new Hl7.Fhir.Model.Task.ParameterComponent { Type = new CodeableConcept { Text = "medication" }, Value = m }),
                new Hl7.Fhir.Model.Task.ParameterComponent
                {
                    Type = new CodeableConcept { Text = "pharmacy" },
                    Value = new FhirString(string.Join(", ", new[] { request.Pharmacy.Name, request.Pharmacy.Address, request.Pharmacy.Phone, request.Pharmacy.NcpdpId is { } id ? $"NCPDP {id}" : null }.OfType<string>())),
                },
            ],
        };

        foreach (var approved in request.Approval ?? [])
        {
            task.Output.Add(new Hl7.Fhir.Model.Task.OutputComponent
            {
                Type = new CodeableConcept { Text = "refills approved" },
                Value = new Integer(approved.Refills),
            });
        }

        return task;
    }

    /// <summary>The FHIR status of a state.</summary>
    public static Hl7.Fhir.Model.Task.TaskStatus StatusOf(RefillState state) => state switch
    {
        RefillState.Requested => Hl7.Fhir.Model.Task.TaskStatus.Requested,
        RefillState.InReview => Hl7.Fhir.Model.Task.TaskStatus.InProgress,
        RefillState.Approved => Hl7.Fhir.Model.Task.TaskStatus.Completed,
        RefillState.Cancelled => Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
        _ => Hl7.Fhir.Model.Task.TaskStatus.Rejected,
    };

    private static string Code(RefillState state) => state switch
    {
        RefillState.InReview => "in-review",
        RefillState.NeedsVisit => "needs-visit",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Display(RefillState state) => state switch
    {
        RefillState.InReview => "In review",
        RefillState.NeedsVisit => "Needs a visit",
        _ => state.ToString(),
    };
}
