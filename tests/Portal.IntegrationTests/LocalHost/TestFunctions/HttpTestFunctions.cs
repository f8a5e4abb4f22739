using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Portal.IntegrationTests.LocalHost.TestFunctions;

/// <summary>HTTP functions written as in Portal.Functions, served by the test-functions portal.</summary>
public sealed class HttpTestFunctions(Greeter greeter)
{
    [Function("TestEcho")]
    public IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tests/echo/{name}/{times:int?}")] HttpRequest request,
        string name,
        int? times) =>
        new OkObjectResult(new EchoResponse(greeter.Greet(name), times, request.Query["tag"].ToString()));

    [Function("TestNumber")]
    public Task<IActionResult> Number(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tests/numbers/{number}")] HttpRequest request,
        long number,
        CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(new OkObjectResult(new { Number = number, cancellationToken.CanBeCanceled }));

    [Function("TestItem")]
    public static async Task<IActionResult> Item(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "delete", Route = "tests/items/{id}")] HttpRequest request,
        Guid id)
    {
        await Task.Yield();
        return HttpMethods.IsDelete(request.Method) ? new NoContentResult() : new OkObjectResult(new { ItemId = id });
    }

    [Function("TestProblem")]
    public IActionResult Problem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tests/problem")] HttpRequest request) =>
        new ObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Version conflict", Detail = "Reload and try again." })
        {
            StatusCode = StatusCodes.Status409Conflict,
        };

    /// <summary>No route and no methods: served at the function name, for every method.</summary>
    [Function("TestDefaultRoute")]
    public IActionResult DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) =>
        new OkObjectResult(new { request.Method });
}

public sealed record EchoResponse(string Greeting, int? Times, string Tag);
