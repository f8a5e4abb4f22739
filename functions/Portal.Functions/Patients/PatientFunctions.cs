using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Patients;
using Portal.Functions.Http;

namespace Portal.Functions.Patients;

/// <summary>Registering patients (staff), activating accounts and listing one's patients (everyone).</summary>
public sealed class PatientFunctions(PortalHttp http, RegisterPatient registerPatient, RedeemActivationCode redeem, ListMyPatients listMine)
{
    [Function("RegisterPatient")]
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
    public Task<IActionResult> Activate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/activate")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ActivationRequest>(request, cancellationToken, async (caller, activation) =>
            ApiResults.From(
                request,
                await redeem.ExecuteAsync(caller, activation.Code, activation.BirthDate, cancellationToken),
                link => ApiResults.Json(MyPatient.From(link))));

    [Function("GetMe")]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var links = await listMine.ExecuteAsync(caller, cancellationToken);
            return ApiResults.Json(Me.From(caller, links));
        });

    private sealed record ActivationRequest(string Code, DateOnly BirthDate);
}
