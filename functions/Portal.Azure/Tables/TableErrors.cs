using Azure;
using Portal.Core.Common;

namespace Portal.Azure.Tables;

/// <summary>Translates the storage answers that mean "you lost a race" into Core's exception.</summary>
internal static class TableErrors
{
    public static async Task<T> ConditionallyAsync<T>(Func<Task<T>> write, string what)
    {
        try
        {
            return await write();
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"{what} was changed or created concurrently.");
        }
    }

    public static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;
}
