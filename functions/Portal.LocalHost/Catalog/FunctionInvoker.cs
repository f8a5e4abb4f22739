using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Portal.LocalHost.Catalog;

/// <summary>
/// Calls one function: creates its class per invocation from the given (scoped) services, as the
/// isolated worker does, passes the arguments the trigger-specific caller binds, and awaits the result.
/// </summary>
internal sealed class FunctionInvoker(ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<Type, ObjectFactory> factories = new();

    /// <returns>The function's return value (the <see cref="IActionResult"/> of an HTTP function), or null.</returns>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, string reason, Func<ParameterInfo, object?> bind)
    {
        var method = function.Method;
        var arguments = method.GetParameters().Select(bind).ToArray();
        var logger = loggerFactory.CreateLogger("Function." + function.Name);
        var started = Stopwatch.GetTimestamp();
        var instance = method.IsStatic
            ? null
            : factories.GetOrAdd(method.DeclaringType!, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);
        try
        {
            var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            var result = returned switch
            {
                Task<IActionResult> task => await task,
                Task task => await AsNull(task),
                _ => returned,
            };
            logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Reason='{Reason}', Duration={Duration}ms)", function.Name, reason, Elapsed(started));
            return result;
        }
        catch
        {
            logger.LogInformation("Executed 'Functions.{Function}' (Failed, Reason='{Reason}', Duration={Duration}ms)", function.Name, reason, Elapsed(started));
            throw;
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    private static async Task<object?> AsNull(Task task)
    {
        await task;
        return null;
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
