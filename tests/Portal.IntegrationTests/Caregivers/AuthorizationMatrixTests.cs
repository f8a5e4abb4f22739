using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Access;
using Portal.Core.Identity;
using Portal.Functions;
using Portal.Functions.Http;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Caregivers.EndpointAccessRows;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>
/// The authorization matrix over every patient-data endpoint, enumerated from the functions themselves: each caller —
/// the patient, a caregiver whose grant has the endpoint's scope, a caregiver whose grant has only another scope, each
/// staff role, a stranger — is let through the gate, refused (403) or told the patient does not exist (404) exactly as
/// <see cref="AccessPolicy"/> says for the row's permission. A function without a row fails the first test.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly string[] StaffRoles = [AppRoles.Clinician, AppRoles.FrontDesk, AppRoles.Billing, AppRoles.Admin];

    [Fact]
    public void Every_http_function_has_a_row()
    {
        var functions = HttpEndpoint.In(FunctionsAssembly.Value).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var rows = PatientEndpoints.Select(r => r.Function).Concat(OtherEndpoints.Select(r => r.Function)).Concat(FeatureMatrixEndpoints.Select(r => r.Function)).ToList();

        var missing = functions.Except(rows).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "HTTP functions without a row in EndpointAccessRows (add one line: the permission it asks the policy for, or why it is not patient data):\n" + string.Join("\n", missing));
        Assert.Empty(rows.Except(functions));
        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.All(HttpEndpoint.In(FunctionsAssembly.Value).Where(e => e.Route.StartsWith("patients/{patientId}", StringComparison.Ordinal)),
            e => Assert.True(PatientEndpoints.Any(r => r.Function == e.Name) || FeatureMatrixEndpoints.Any(r => r.Function == e.Name), e.Name));
        Assert.All(FeatureMatrixEndpoints, r => Assert.Contains(typeof(AuthorizationMatrixTests).Assembly.GetTypes(), type => type.Name == r.Test));
    }

    [Fact]
    public async Task Every_patient_data_endpoint_answers_each_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, patientSubject) = await api.NewActivatedPatientAsync();
        var strangerToken = await api.TokenAsync(PortalApi.UniqueSubject("stranger"));
        var staff = new Dictionary<string, string>();
        foreach (var role in StaffRoles)
        {
            staff[role] = await api.TokenAsync(PortalApi.UniqueSubject(role.ToLowerInvariant()), [role]);
        }

        var caregivers = new Dictionary<string, string>();
        async Task<string> Caregiver(string scope) => caregivers.TryGetValue(scope, out var token) ? token : caregivers[scope] = await api.CaregiverAsync(patientId, scope);

        var mismatches = new List<string>();
        foreach (var row in PatientEndpoints)
        {
            var scope = Grantable(row.Permission);
            var other = row.Permission.Category == DataCategory.Billing ? "records.write" : "billing.write";
            var callers = new List<(string Name, string Token, Expect Expect)>
            {
                ("self", patient, Expected(row, AccessPolicy.Decide(Person(patientSubject), new PatientLink(patientSubject, patientId, LinkKind.Self, "", []), row.Permission, DateTimeOffset.UtcNow), patientSide: true, self: true)),
                ($"caregiver {scope}", await Caregiver(scope), Expected(row, AccessPolicy.Decide(Person("c"), Grant("c", patientId, scope), row.Permission, DateTimeOffset.UtcNow), patientSide: true, self: false)),
                ($"caregiver {other}", await Caregiver(other), Expected(row, AccessPolicy.Decide(Person("c"), Grant("c", patientId, other), row.Permission, DateTimeOffset.UtcNow), patientSide: true, self: false)),
                ("stranger", strangerToken, Expect.NoSuchPatient),
            };
            callers.AddRange(StaffRoles.Select(role => (role, staff[role], Expected(row, AccessPolicy.StaffAllows(role, row.Permission) ? AccessDecision.Allow : AccessDecision.Forbidden, patientSide: false, self: false))));

            foreach (var (name, token, expect) in callers)
            {
                var (status, text) = await SendAsync(api, row, patientId, token);
                var actual = status == HttpStatusCode.Forbidden ? Expect.Forbidden
                    : status == HttpStatusCode.NotFound && NoSuchPatient().IsMatch(text) ? Expect.NoSuchPatient
                    : (int)status is 401 or >= 500 ? Expect.Broken
                    : Expect.Through;
                if (actual != expect)
                {
                    mismatches.Add($"{row.Function} ({row.Permission}) as {name}: expected {expect}, got {(int)status} {Shorten(text)}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>A grant's scope covering the permission: the category itself, or records for amendments.</summary>
    private static string Grantable(Permission permission) =>
        (permission with { Category = permission.Category == DataCategory.Amendments ? DataCategory.Records : permission.Category }).Scope;

    private static Expect Expected(PatientData row, AccessDecision decision, bool patientSide, bool self) => decision switch
    {
        AccessDecision.NotFound => Expect.NoSuchPatient,
        AccessDecision.Forbidden => Expect.Forbidden,
        _ => row.Side switch
        {
            Side.Staff when patientSide => Expect.Forbidden,
            Side.Patient or Side.Self when !patientSide => Expect.Forbidden,
            Side.Self when !self => Expect.Forbidden,
            _ => Expect.Through,
        },
    };

    private static Caller Person(string subject) => new(subject, subject, new HashSet<string>(), true);

    private static PatientLink Grant(string subject, string patientId, string scope) =>
        new(subject, patientId, LinkKind.Proxy, "", [scope], DateTimeOffset.UtcNow.AddDays(30), null, "grant-test", "parent");

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(PortalApi api, PatientData row, string patientId, string token)
    {
        var path = Placeholder().Replace(row.Path.Replace("{patientId}", patientId, StringComparison.Ordinal), m => $"x{Guid.NewGuid():N}"[..16]);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), "api/" + path);
        request.Headers.Authorization = new("Bearer", token);
        if (row.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", row.IfMatch);
        }

        if (row.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(row.Body ?? "{}", Encoding.UTF8, row.ContentType);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] : text;

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("The patient was not found")]
    private static partial Regex NoSuchPatient();

    private enum Expect
    {
        Through,
        Forbidden,
        NoSuchPatient,
        Broken,
    }
}
