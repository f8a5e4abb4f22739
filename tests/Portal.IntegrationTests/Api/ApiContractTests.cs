using Portal.Functions.OpenApi;
using Xunit.Sdk;

namespace Portal.IntegrationTests.Api;

/// <summary>
/// The contract check itself, fed answers by hand against the in-process document: a body that does not match
/// its documented type, an undocumented status or a missing required header fails with a message that says where.
/// </summary>
public sealed class ApiContractTests
{
    private static readonly ApiContract Contract = ApiContract.Parse(ApiDocument.Json);

    private const string Me = """{"subject":"s-1","name":null,"roles":["Clinician"],"mfa":false,"patients":[]}""";

    [Fact]
    public void A_body_of_the_documented_type_passes()
    {
        Contract.Check("GET", "/api/me", 200, "application/json", Me);
    }

    [Theory]
    [InlineData("""{"subject":"s-1","name":null,"roles":"Clinician","mfa":false,"patients":[]}""", "/roles")]
    [InlineData("""{"subject":"s-1","name":null,"roles":[],"mfa":false}""", "Required properties [\"patients\"]")]
    [InlineData("""{"subject":"s-1","name":null,"roles":[],"mfa":false,"patients":[],"displayName":"x"}""", "/displayName")]
    [InlineData("""{"subject":"s-1","name":null,"roles":[],"mfa":false,"patients":[{"patientId":"p","name":"P","relationship":"self","scopes":[],"expiresAt":"tomorrow"}]}""", "/patients/0/expiresAt")]
    public void A_body_that_is_not_the_documented_type_fails_naming_the_operation_and_the_place(string body, string place)
    {
        var failure = Assert.Throws<XunitException>(() => Contract.Check("GET", "/api/me", 200, "application/json", body));

        Assert.Contains("GetMe (GET /me) answered 200", failure.Message);
        Assert.Contains(place, failure.Message);
        Assert.Contains("#/components/schemas/", failure.Message);
        Assert.Contains(body, failure.Message);
    }

    [Fact]
    public void A_problem_is_checked_against_the_shared_problem_schema()
    {
        var problem = """{"type":"urn:portal:problem:not-found","title":"Not found","status":404,"detail":"d","instance":"/api/patients/p/profile","traceId":"t"}""";

        Contract.Check("GET", "/api/patients/p/profile", 404, "application/problem+json", problem);
        var failure = Assert.Throws<XunitException>(() =>
            Contract.Check("GET", "/api/patients/p/profile", 404, "application/problem+json", problem.Replace("not-found", "lost")));
        Assert.Contains("/type", failure.Message);
    }

    [Fact]
    public void An_undocumented_status_fails()
    {
        var failure = Assert.Throws<XunitException>(() => Contract.Check("GET", "/api/me", 418, "application/json", Me));

        Assert.Contains("GetMe (GET /me) answered 418, a status the document does not list", failure.Message);
    }

    [Fact]
    public void A_missing_required_header_fails()
    {
        var failure = Assert.Throws<XunitException>(() =>
            Contract.Check("GET", "/api/patients/p/profile", 200, "application/json", "{}", hasHeader: _ => false));

        Assert.Contains("without the ETag header", failure.Message);
    }

    [Fact]
    public void An_undocumented_path_or_method_fails()
    {
        Assert.Contains("no path of the document matches", Assert.Throws<XunitException>(() => Contract.Check("GET", "/api/nothing", 404, null, null)).Message);
        Assert.Contains("no DELETE operation on /me", Assert.Throws<XunitException>(() => Contract.Check("DELETE", "/api/me", 405, null, null)).Message);
    }
}
