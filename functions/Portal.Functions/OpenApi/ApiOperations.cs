using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Functions.Http;

namespace Portal.Functions.OpenApi;

/// <summary>One HTTP function as an OpenAPI operation, from its route and its Api* attributes.</summary>
internal static class ApiOperations
{
    /// <summary>The shared problem response every failure status refers to.</summary>
    public const string ProblemResponse = "#/components/responses/Problem";

    /// <summary>The OpenAPI path of a route: no prefix, no constraints (<c>{id:guid}</c> → <c>{id}</c>).</summary>
    public static string PathOf(HttpEndpoint endpoint) =>
        "/" + string.Join('/', RoutePatternFactory.Parse(endpoint.Route).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    /// <summary>The operation's tag: the attribute's, else the feature folder the function lives in.</summary>
    public static string TagOf(HttpEndpoint endpoint) =>
        endpoint.Method.GetCustomAttribute<ApiOperationAttribute>()?.Tag ?? endpoint.Method.DeclaringType?.Namespace?.Split('.')[^1] ?? "Api";

    /// <summary>The operation object.</summary>
    public static JsonObject Describe(HttpEndpoint endpoint, ApiSchemas schemas)
    {
        var method = endpoint.Method;
        var operation = method.GetCustomAttribute<ApiOperationAttribute>();
        var result = new JsonObject
        {
            ["operationId"] = endpoint.Name,
            ["summary"] = operation?.Summary ?? endpoint.Name,
        };
        if (operation?.Description is { } description)
        {
            result["description"] = description;
        }

        result["tags"] = new JsonArray(TagOf(endpoint));
        if (operation?.Anonymous == true)
        {
            result["security"] = new JsonArray();
        }

        var parameters = Parameters(endpoint, operation, schemas);
        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }

        if (method.GetCustomAttribute<ApiRequestAttribute>() is { } request)
        {
            result["requestBody"] = RequestBody(request, schemas);
        }

        result["responses"] = Responses(method, operation, schemas);
        return result;
    }

    private static JsonArray Parameters(HttpEndpoint endpoint, ApiOperationAttribute? operation, ApiSchemas schemas)
    {
        var parameters = new JsonArray();
        foreach (var name in RoutePatternFactory.Parse(endpoint.Route).Parameters.Select(p => p.Name))
        {
            // A route value binds to the method parameter of the same name; one read from the request is text.
            var type = endpoint.Method.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType ?? typeof(string);
            parameters.Add(Parameter(name, "path", required: true, description: null, schemas.For(type)));
        }

        foreach (var query in endpoint.Method.GetCustomAttributes<ApiQueryAttribute>())
        {
            parameters.Add(Parameter(query.Name, "query", query.Required, query.Description, schemas.For(query.Type)));
        }

        if (operation?.IdempotencyKey == true)
        {
            parameters.Add(Parameter(
                "Idempotency-Key",
                "header",
                required: false,
                "A key the client makes up for this request (1 to 100 visible ASCII characters). A retry with the same key and body answers as the first request did; the same key with another body is 409.",
                new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 100 }));
        }

        if (operation?.IfMatch == true)
        {
            parameters.Add(Parameter(
                "If-Match",
                "header",
                required: true,
                "The ETag of the last read. Without it the answer is 428; when the resource changed since, 412.",
                new JsonObject { ["type"] = "string" }));
        }

        return parameters;
    }

    private static JsonObject Parameter(string name, string location, bool required, string? description, JsonNode schema)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["required"] = required };
        if (description is not null)
        {
            parameter["description"] = description;
        }

        parameter["schema"] = schema;
        return parameter;
    }

    // PortalHttp reads every JSON body as application/json or application/merge-patch+json, so both are listed;
    // a file upload is the file's bytes under its own media type.
    private static JsonObject RequestBody(ApiRequestAttribute request, ApiSchemas schemas)
    {
        var content = new JsonObject();
        if (request.FileTypes is { } fileTypes)
        {
            foreach (var mediaType in fileTypes)
            {
                content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
            }

            return new JsonObject { ["required"] = true, ["content"] = content };
        }

        foreach (var mediaType in new[] { request.ContentType, "application/json" }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            content[mediaType] = new JsonObject { ["schema"] = schemas.For(request.Body) };
        }

        return new JsonObject { ["required"] = true, ["content"] = content };
    }

    private static JsonObject Responses(MethodInfo method, ApiOperationAttribute? operation, ApiSchemas schemas)
    {
        var responses = new SortedDictionary<int, JsonNode>();
        var problems = method.GetCustomAttributes<ApiProblemsAttribute>().SelectMany(p => p.Statuses).Append(500);
        if (operation?.Anonymous != true)
        {
            problems = problems.Append(401);
        }

        foreach (var status in problems)
        {
            responses[status] = new JsonObject { ["$ref"] = ProblemResponse };
        }

        // A FHIR endpoint answers its failures, the token's and the server's too, as OperationOutcomes.
        if (method.GetCustomAttribute<ApiFhirOutcomesAttribute>() is { } outcomes)
        {
            foreach (var status in outcomes.Statuses.Append(500).Concat(operation?.Anonymous == true ? [] : [401]))
            {
                responses[status] = new JsonObject
                {
                    ["description"] = $"{ReasonPhrases.GetReasonPhrase(status)}: an OperationOutcome.",
                    ["content"] = new JsonObject { ["application/fhir+json"] = new JsonObject { ["schema"] = schemas.For(typeof(Hl7.Fhir.Model.OperationOutcome)) } },
                };
            }
        }

        // A declared answer wins over a problem for the same status: it says more. Several declared answers for one
        // status are one response in several media types (an HL7 ACK answers in the request's type).
        var declared = new HashSet<int>();
        foreach (var answer in method.GetCustomAttributes<ApiResponseAttribute>())
        {
            var response = Response(answer, schemas);
            if (declared.Add(answer.Status) || responses[answer.Status] is not JsonObject earlier || earlier["content"] is not JsonObject content
                || response["content"] is not JsonObject more)
            {
                responses[answer.Status] = response;
                continue;
            }

            foreach (var (mediaType, schema) in more.ToList())
            {
                more.Remove(mediaType);
                content[mediaType] = schema;
            }
        }

        return new JsonObject(responses.Select(r => KeyValuePair.Create($"{r.Key}", (JsonNode?)r.Value)));
    }

    private static JsonObject Response(ApiResponseAttribute answer, ApiSchemas schemas)
    {
        var response = new JsonObject { ["description"] = answer.Description ?? ReasonPhrases.GetReasonPhrase(answer.Status) };
        var headers = new JsonObject();
        if (answer.ETag)
        {
            headers["ETag"] = Header("The version of the resource; send it back in If-Match to change it.");
        }

        if (answer.Location)
        {
            headers["Location"] = Header("The created resource.");
        }

        if (headers.Count > 0)
        {
            response["headers"] = headers;
        }

        if (answer.Body is not null)
        {
            response["content"] = new JsonObject { [answer.ContentType] = new JsonObject { ["schema"] = schemas.For(answer.Body) } };
        }

        return response;
    }

    private static JsonObject Header(string description) =>
        new() { ["description"] = description, ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } };
}
