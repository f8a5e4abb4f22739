#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using Portal.Core.Prescriptions;
using Portal.Core.Record;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Portal.Tests.Prescriptions;

/// <summary>A refill request as a FHIR Task: status from the state, the reason or visit in statusReason, the medications as focus and inputs.</summary>
public class RefillTaskResourceTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RefillState.Requested, FhirTask.TaskStatus.Requested)]
    [InlineData(RefillState.InReview, FhirTask.TaskStatus.InProgress)]
    [InlineData(RefillState.Approved, FhirTask.TaskStatus.Completed)]
    [InlineData(RefillState.Denied, FhirTask.TaskStatus.Rejected)]
    [InlineData(RefillState.NeedsVisit, FhirTask.TaskStatus.Rejected)]
    [InlineData(RefillState.Cancelled, FhirTask.TaskStatus.Cancelled)]
    public void Each_state_has_its_task_status(RefillState state, FhirTask.TaskStatus status) =>
        Assert.Equal(status, RefillTaskResource.StatusOf(state));

    [Fact]
    public void A_denied_request_says_why_and_focuses_on_its_first_medication()
    {
        var (first, second) = (RecordItemIds.New(At, null), RecordItemIds.New(At.AddDays(-1), null));
        var pharmacy = new PharmacyDetails("CVS", "1 Main St", "312 555 0100", "1234567").ToPharmacy();
        var request = RefillRules.Received("pat-1", RefillRules.NewRequestId(At), [new RefillMedication(first, "Lisinopril", 1), new RefillMedication(second, "Metformin", 2)],
            pharmacy, null, "p", "Pat", null, At, At.AddDays(4));
        var denied = RefillRules.Deny(request, new RefillDenial("Labs first."), At.AddHours(3), "dr", "Dr. Patel").Value!;

        var task = RefillTaskResource.From(denied);

        Assert.Equal((denied.RequestId, FhirTask.TaskStatus.Rejected, "denied", "Labs first."), (task.Id, task.Status, task.BusinessStatus.Coding[0].Code, task.StatusReason.Text));
        Assert.Equal(($"MedicationRequest/{first}", "Patient/pat-1", "2"), (task.Focus.Reference, task.For.Reference, task.Meta.VersionId));
        Assert.Equal(3, task.Input.Count);
        Assert.Contains("NCPDP 1234567", ((Hl7.Fhir.Model.FhirString)task.Input[2].Value).Value, StringComparison.Ordinal);
        Assert.Equal(FhirTask.TaskIntent.Order, task.Intent);
    }
}
