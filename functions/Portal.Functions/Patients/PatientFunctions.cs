using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Patients;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Patients;

/// <summary>Registering patients (staff), activating accounts and listing one's patients (everyone).</summary>
[Description("Registering patients (front desk), activating accounts, and the signed-in person with the patients they may act for.")]
public sealed class PatientFunctions(PortalHttp http, RegisterPatient registerPatient, RedeemActivationCode redeem, ListMyPatients listMine)
{
    [Function("RegisterPatient")]
    [ApiOperation(
        "Register a patient and get a one-time activation code.",
        Description = "Front desk and administrators register a patient for the portal. The activation code is shown this once and works for 14 days. With an Idempotency-Key, a retry of the same request answers with the same patient and a fresh code that ends the first one; the same key with another body is 409, and so is a duplicate MRN.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewPatient))]
    [ApiResponse(201, typeof(RegisteredPatient), Description = "Registered.", Location = true)]
    [ApiProblems(400, 403, 409)]
    public Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewPatient>(request, cancellationToken, async (caller, patient) =>
        {
            var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
            var result = await registerPatient.ExecuteAsync(caller, patient, idempotencyKey is "" ? null : idempotencyKey, cancellationToken);
            return ApiResults.From(request, result, registered =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{registered.PatientId}/profile";
                return ApiResults.Json(RegisteredPatient.From(registered), StatusCodes.Status201Created);
            });
        });

    [Function("ActivateAccount")]
    [ApiOperation(
        "Redeem an activation code with the patient's date of birth.",
        Description = "Links the signed-in person to the patient the code was issued for. A wrong date of birth is a field error; five of them lock the code (429).")]
    [ApiRequest(typeof(ActivationRequest))]
    [ApiResponse(200, typeof(MyPatient), Description = "Linked: the patient as the account switcher shows it.")]
    [ApiProblems(400, 409, 429)]
    public Task<IActionResult> Activate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/activate")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ActivationRequest>(request, cancellationToken, async (caller, activation) =>
            ApiResults.From(
                request,
                await redeem.ExecuteAsync(caller, activation.Code, activation.BirthDate, cancellationToken),
                link => ApiResults.Json(MyPatient.From(link))));

    [Function("GetMe")]
    [ApiOperation("The signed-in person and the patients they may act for.", Description = "Roles and MFA come from the token; the patients from the person's links (themself once activated, and caregiver grants).")]
    [ApiResponse(200, typeof(Me), Description = "The signed-in person.")]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var links = await listMine.ExecuteAsync(caller, cancellationToken);
            return ApiResults.Json(Me.From(caller, links));
        });

    private sealed record ActivationRequest(string Code, DateOnly BirthDate);
}
