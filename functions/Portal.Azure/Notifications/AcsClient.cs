using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace Portal.Azure.Notifications;

/// <summary>
/// Calls the Communication Services REST API through Azure.Core's pipeline (the SMS and e-mail SDKs are not in
/// our package registry): signed with the access key of a connection string, or a managed-identity token.
/// </summary>
internal sealed class AcsClient
{
    /// <summary>The token scope the Communication SDKs ask for (the double slash is theirs).</summary>
    private const string Scope = "https://communication.azure.com//.default";

    private readonly Uri endpoint;
    private readonly HttpPipeline pipeline;

    private readonly ILogger logger;

    public AcsClient(CommunicationOptions options, TimeProvider clock, ILogger<AcsClient> logger, AcsClientOptions? clientOptions = null)
    {
        this.logger = logger;
        clientOptions ??= new AcsClientOptions();
        HttpPipelinePolicy authentication;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var (connectionEndpoint, accessKey) = ParseConnectionString(options.ConnectionString);
            endpoint = connectionEndpoint;
            authentication = new AcsHmacPolicy(accessKey, clock);
        }
        else
        {
            endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("Communication:Endpoint or Communication:ConnectionString is required."));
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
            authentication = new BearerTokenAuthenticationPolicy(credential, Scope);
        }

        pipeline = HttpPipelineBuilder.Build(clientOptions, perCallPolicies: [], perRetryPolicies: [authentication], new ResponseClassifier());
    }

    /// <summary>POSTs a JSON body to <paramref name="pathAndQuery"/>; the response is returned whatever its status.</summary>
    public async Task<(int Status, JsonNode? Body)> PostAsync(string pathAndQuery, JsonNode body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        // Concatenated, not resolved: "emails:send" would read as a URI scheme.
        request.Uri.Reset(new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{pathAndQuery}"));
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.SetValue(name, value);
        }

        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body));
        await pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        JsonNode? parsed = null;
        if (response.Content.ToMemory().Length > 0)
        {
            try
            {
                parsed = JsonNode.Parse(response.Content.ToMemory().Span);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's error page): the status decides.
            }
        }

        if (response.Status is 401 or 403)
        {
            // Not the patient's fault and not passing: the app identity lacks its role, or the key is wrong.
            logger.LogError("Communication Services refused the portal's credentials ({Status} on {Path}); check the app identity's role.", response.Status, pathAndQuery.Split('?')[0]);
        }

        return (response.Status, parsed);
    }

    /// <summary><c>endpoint=https://….communication.azure.com/;accesskey=…</c>, keys case-insensitive.</summary>
    internal static (Uri Endpoint, string AccessKey) ParseConnectionString(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || !parts.TryGetValue("accesskey", out var key) || key.Length == 0)
        {
            throw new InvalidOperationException("Communication:ConnectionString must look like 'endpoint=https://<name>.communication.azure.com/;accesskey=<key>'.");
        }

        return (uri, key);
    }
}
