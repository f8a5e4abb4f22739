using System.Text;
using Azure.Data.Tables;
using Portal.Core.Common;

namespace Portal.Azure.Tables;

/// <summary>
/// One page of a table query. The SDK's continuation token is opaque to callers and wrapped so that it is bound
/// to the list that issued it (its scope: a patient's log, one search): a token from another list is refused with
/// <see cref="InvalidContinuationTokenException"/> instead of being followed.
/// </summary>
internal static class PagedQueries
{
    public static async Task<Page<T>> ReadAsync<T>(
        TableClient table, string filter, int pageSize, string? continuationToken, string scope, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(Unwrap(continuationToken, scope), pageSize);
        await foreach (var page in pages)
        {
            return new Page<T>([.. page.Values.Select(map)], Wrap(page.ContinuationToken, scope));
        }

        return new Page<T>([], null);
    }

    private static string? Wrap(string? token, string scope) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}\n{token}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Unwrap(string? token, string scope)
    {
        if (token is null)
        {
            return null;
        }

        var padded = token.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var decoded = "";
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
        }

        return decoded.StartsWith(scope + "\n", StringComparison.Ordinal)
            ? decoded[(scope.Length + 1)..]
            : throw new InvalidContinuationTokenException();
    }
}
