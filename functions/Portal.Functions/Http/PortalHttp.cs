using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Azure.Identity;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Functions.Http;

/// <summary>
/// The one helper every HTTP function calls: authenticates the bearer token, turns unexpected
/// exceptions into a problem with a trace id (never a stack trace), and reads bounded request bodies.
/// It needs no middleware, so functions run the same under the Functions host and Portal.LocalHost.
/// </summary>
public sealed class PortalHttp(ILogger<PortalHttp> logger, IHostEnvironment environment)
{
    /// <summary>The largest request body accepted.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly ActivitySource Source = new("Portal.Functions");

    /// <summary>Runs <paramref name="handle"/> for an authenticated caller; 401 otherwise.</summary>
    public Task<IActionResult> AuthenticatedAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle) =>
        GuardedAsync(request, async () =>
        {
            var authentication = await request.HttpContext.AuthenticateAsync(PortalAuthentication.Scheme);
            var caller = authentication.Succeeded ? CallerClaims.From(authentication.Principal!, request) : null;
            if (caller is null)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = authentication.None
                    ? "Bearer"
                    : "Bearer error=\"invalid_token\", error_description=\"The token is expired, not for this API, or not valid\"";
                return ApiResults.Problem(request, 401, "Unauthorized", "Sign in and send the access token as a Bearer token.", ProblemTypes.Unauthorized);
            }

            return await handle(caller);
        });

    /// <summary>Runs <paramref name="handle"/> for an authenticated caller with the strictly read JSON body; 400 for a bad body.</summary>
    public Task<IActionResult> AuthenticatedAsync<TBody>(HttpRequest request, CancellationToken cancellationToken, Func<Caller, TBody, Task<IActionResult>> handle) =>
        AuthenticatedAsync(request, async caller =>
        {
            var body = typeof(TBody) == typeof(string)
                ? (Result<TBody>)(object)await ReadBodyAsync(request, cancellationToken)
                : await ReadJsonAsync<TBody>(request, cancellationToken);
            return body.Succeeded ? await handle(caller, body.Value) : ApiResults.Problem(request, body.Failure);
        });

    /// <summary>Runs a paged list for an authenticated caller with its <c>pageSize</c> and <c>continuationToken</c>; 400 for a page size that is not a number.</summary>
    public Task<IActionResult> PagedAsync(HttpRequest request, Func<Caller, PageRequest, Task<IActionResult>> handle) =>
        AuthenticatedAsync(request, async caller =>
        {
            var asked = PageRequest.From(request);
            return asked.Succeeded ? await handle(caller, asked.Value) : ApiResults.Problem(request, asked.Failure);
        });

    /// <summary>Runs an anonymous endpoint with the same error handling.</summary>
    public async Task<IActionResult> GuardedAsync(HttpRequest request, Func<Task<IActionResult>> handle)
    {
        // An activity gives the problem body and the audit events one trace id even when no tracer listens.
        using var activity = Activity.Current is null ? Source.StartActivity("http") ?? new Activity("http").Start() : null;
        try
        {
            return await handle();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new StatusCodeResult(499);
        }
        catch (Exception exception)
        {
            // The exception type and trace id only: messages may carry patient data. Developers see the
            // whole exception on their own machine.
            logger.LogError("Unhandled {ExceptionType} in {Path}; trace {TraceId}", exception.GetType().FullName, request.Path.Value, Activity.Current?.TraceId);
            if (environment.IsDevelopment())
            {
                logger.LogError(exception, "Details (Development only)");
            }
            return ApiResults.Problem(request, 500, "Internal error", "Something went wrong on our side. Quote the trace id if you contact the clinic.", ProblemTypes.Internal);
        }
    }

    /// <summary>Reads a JSON body of at most <see cref="MaxBodyBytes"/>; 415/413/400 as problems.</summary>
    public async Task<Result<string>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or "application/merge-patch+json"))
        {
            return new Failure(FailureKind.Validation, "Send the body as application/json.", new Dictionary<string, string[]> { ["Content-Type"] = ["Use application/json."] });
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return TooLarge();
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return Failure.Invalid("body", "The body is not UTF-8 text.");
        }
    }

    /// <summary>Reads and deserializes a JSON body strictly (unknown fields, wrong types and unknown enum values are field errors).</summary>
    public async Task<Result<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        return body.Succeeded ? PortalJson.Read<T>(body.Value) : body.Failure;
    }

    /// <summary>The request's <c>Idempotency-Key</c>, or null when it sent none.</summary>
    public static string? IdempotencyKeyOf(HttpRequest request) => request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;

    private static Failure TooLarge() => Failure.Invalid("body", $"The body is larger than {MaxBodyBytes / 1024} KiB.");
}
