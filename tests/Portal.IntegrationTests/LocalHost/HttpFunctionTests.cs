using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>HTTP functions served over real loopback HTTP, under the host.json route prefix.</summary>
public sealed class HttpFunctionTests
{
    [Fact]
    public async Task Binds_route_values_and_injects_services_and_writes_camel_case_json()
    {
        using var client = await ClientAsync();

        using var response = await client.GetAsync("api/tests/echo/ada/3?tag=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"greeting":"Hello, ada","times":3,"tag":"x"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Leaves_a_missing_optional_route_value_null()
    {
        using var client = await ClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("api/tests/echo/bob");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("times").ValueKind);
    }

    [Fact]
    public async Task Converts_route_values_and_answers_404_when_they_do_not_convert()
    {
        using var client = await ClientAsync();

        var number = await client.GetFromJsonAsync<JsonElement>("api/tests/numbers/9007199254740993");
        using var notANumber = await client.GetAsync("api/tests/numbers/abc");

        Assert.Equal(9007199254740993L, number.GetProperty("number").GetInt64());
        Assert.True(number.GetProperty("canBeCanceled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }

    [Fact]
    public async Task Serves_static_functions_for_each_declared_method()
    {
        using var client = await ClientAsync();
        var id = Guid.NewGuid();

        var item = await client.GetFromJsonAsync<JsonElement>($"api/tests/items/{id}");
        using var deleted = await client.DeleteAsync($"api/tests/items/{id}");
        using var put = await client.PutAsync($"api/tests/items/{id}", null);

        Assert.Equal(id, item.GetProperty("itemId").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Fact]
    public async Task Writes_problem_details_as_problem_json()
    {
        using var client = await ClientAsync();

        using var response = await client.PostAsync("api/tests/problem", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Version conflict", problem.GetProperty("title").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Serves_a_function_without_route_at_its_name_for_every_method()
    {
        using var client = await ClientAsync();

        var patch = await client.PatchAsync("api/TestDefaultRoute", null);

        Assert.Equal("PATCH", (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());
    }

    [Fact]
    public async Task Answers_404_outside_the_functions_and_the_prefix()
    {
        using var client = await ClientAsync();

        using var unknown = await client.GetAsync("api/tests/nothing-here");
        using var withoutPrefix = await client.GetAsync("tests/echo/ada");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withoutPrefix.StatusCode);
    }

    private static async Task<HttpClient> ClientAsync() =>
        new() { BaseAddress = (await TestFunctionsPortal.GetAsync()).BaseAddress };
}
