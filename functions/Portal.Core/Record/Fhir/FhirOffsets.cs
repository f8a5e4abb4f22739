using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>Paging by position for sources computed or read whole (a chart's few appointments, a clinic's slots): the token is the next position.</summary>
public static class FhirOffsets
{
    /// <summary>The position a token names (none: 0); false for a token that is not one.</summary>
    public static bool TryRead(string? token, out int offset)
    {
        offset = 0;
        return token is null || (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0);
    }

    /// <summary>The page of <paramref name="count"/> items from <paramref name="offset"/>, with the next position if more follow.</summary>
    public static Page<T> Page<T>(IReadOnlyList<T> all, int count, int offset) =>
        new([.. all.Skip(offset).Take(count)], offset + count < all.Count ? (offset + count).ToString(CultureInfo.InvariantCulture) : null);
}
