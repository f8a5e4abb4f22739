using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.IntegrationTests.LocalHost.TestFunctions;
using Portal.LocalHost.Catalog;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>Reflection only, no I/O. The invalid functions are private types, so the assembly scan skips them.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Reads_routes_methods_schedules_and_queues_from_the_attributes()
    {
        var catalog = FunctionCatalog.FromAssemblies([typeof(HttpTestFunctions).Assembly]);

        var echo = Assert.Single(catalog.Http, f => f.Name == "TestEcho");
        Assert.Equal("tests/echo/{name}/{times:int?}", echo.Route);
        Assert.Equal(["GET"], echo.HttpMethods);
        Assert.Equal(["name", "times"], echo.RouteParameters.Select(p => p.Name));
        var defaultRoute = Assert.Single(catalog.Http, f => f.Name == "TestDefaultRoute");
        Assert.Equal("TestDefaultRoute", defaultRoute.Route);
        Assert.Null(defaultRoute.HttpMethods);
        Assert.Contains(catalog.Timers, t => t.Name == "TestRunOnStartup" && t.RunOnStartup && t.Schedule == "0 0 0 1 1 *");
        Assert.Contains(catalog.Queues, q => q.Name == "TestQueuePoco" && q.QueueName == "%Tests:PocoQueue%" && q.Connection is null && q.MessageType == typeof(TestOrder));
    }

    [Theory]
    [InlineData(typeof(WrongReturnType), "Function 'WrongReturnType'", "returns String; HTTP functions must return IActionResult or Task<IActionResult>")]
    [InlineData(typeof(ParameterNotInRoute), "Function 'ParameterNotInRoute'", "parameter 'other' is not a parameter of route 'things/{id}'")]
    [InlineData(typeof(OptionalValueType), "Function 'OptionalValueType'", "route parameter 'id' is optional in 'things/{id?}', so it must be nullable or have a default value")]
    [InlineData(typeof(UnsupportedRouteType), "Function 'UnsupportedRouteType'", "route parameter 'when' is DateTime")]
    [InlineData(typeof(HttpRequestDataTrigger), "Function 'HttpRequestDataTrigger'", "it must be Microsoft.AspNetCore.Http.HttpRequest")]
    [InlineData(typeof(TimerWithExtraParameter), "Function 'TimerWithExtraParameter'", "parameter 'name' (String) is not supported")]
    [InlineData(typeof(QueueReturningValue), "Function 'QueueReturningValue'", "queue functions must return Task or void")]
    [InlineData(typeof(OutputBinding), "Function 'OutputBinding'", "[QueueOutputAttribute] is not supported")]
    [InlineData(typeof(NoTrigger), "Function 'NoTrigger'", "it needs exactly one trigger parameter")]
    [InlineData(typeof(NotPublic), "Function 'NotPublic'", "the method must be public")]
    public void Rejects_an_unsupported_signature_with_a_clear_message(Type functions, string function, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.FromTypes([functions]));

        Assert.StartsWith("Portal.LocalHost cannot serve these functions:", error.Message);
        Assert.Contains(function, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Lists_every_problem_at_once_including_duplicate_names()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.FromTypes([typeof(NoTrigger), typeof(NotPublic), typeof(Duplicate)]));

        Assert.Contains("Function 'NoTrigger'", error.Message);
        Assert.Contains("Function 'NotPublic'", error.Message);
        Assert.Contains("Function name 'Same' is used by", error.Message);
    }

    private sealed class WrongReturnType
    {
        [Function("WrongReturnType")]
        public string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "";
    }

    private sealed class ParameterNotInRoute
    {
        [Function("ParameterNotInRoute")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id}")] HttpRequest request, string id, string other) => new OkResult();
    }

    private sealed class OptionalValueType
    {
        [Function("OptionalValueType")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id?}")] HttpRequest request, int id) => new OkResult();
    }

    private sealed class UnsupportedRouteType
    {
        [Function("UnsupportedRouteType")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{when}")] HttpRequest request, DateTime when) => new OkResult();
    }

    private sealed class HttpRequestDataTrigger
    {
        [Function("HttpRequestDataTrigger")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] Microsoft.Azure.Functions.Worker.Http.HttpRequestData request) => new OkResult();
    }

    private sealed class TimerWithExtraParameter
    {
        [Function("TimerWithExtraParameter")]
        public Task Run([TimerTrigger("* * * * * *")] TimerInfo timer, string name) => Task.CompletedTask;
    }

    private sealed class QueueReturningValue
    {
        [Function("QueueReturningValue")]
        public Task<int> Run([QueueTrigger("things")] string message) => Task.FromResult(1);
    }

    private sealed class OutputBinding
    {
        [Function("OutputBinding")]
        [QueueOutput("elsewhere")]
        public string Run([QueueTrigger("things")] string message) => message;
    }

    private sealed class NoTrigger
    {
        [Function("NoTrigger")]
        public Task Run(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NotPublic
    {
        [Function("NotPublic")]
        internal Task Run([QueueTrigger("things")] string message) => Task.CompletedTask;
    }

    private sealed class Duplicate
    {
        [Function("Same")]
        public Task First([QueueTrigger("things")] string message) => Task.CompletedTask;

        [Function("Same")]
        public Task Second([QueueTrigger("others")] string message) => Task.CompletedTask;
    }
}
