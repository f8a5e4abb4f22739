using Microsoft.AspNetCore.Http;
using Portal.Core.Common;

namespace Portal.Functions.Http;

/// <summary>The <c>pageSize</c> and <c>continuationToken</c> query parameters every paged list reads.</summary>
/// <param name="PageSize">Items per page (the use case checks its range).</param>
/// <param name="ContinuationToken">The previous page's token, or null for the first page.</param>
public sealed record PageRequest(int PageSize, string? ContinuationToken)
{
    /// <summary>The list's default page size.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>Reads both; a page size that is not a whole number is a 400 on <c>pageSize</c>.</summary>
    public static Result<PageRequest> From(HttpRequest request)
    {
        var pageSizeText = request.Query["pageSize"].ToString();
        if (!int.TryParse(pageSizeText is "" ? $"{DefaultPageSize}" : pageSizeText, out var pageSize))
        {
            return Failure.Invalid("pageSize", "A whole number.");
        }

        var continuation = request.Query["continuationToken"].ToString();
        return new PageRequest(pageSize, continuation is "" ? null : continuation);
    }
}
