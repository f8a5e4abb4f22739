using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Labs.Fhir;

/// <summary>Where a FHIR search of lab resources goes on: a page of results, the result in it, the observation in that.</summary>
/// <param name="ResultsToken">The results page's continuation token (null: the first page).</param>
/// <param name="Result">The result to go on from, within that page.</param>
/// <param name="Observation">The matching observation to go on from, within that result.</param>
internal sealed record LabPosition(string? ResultsToken, int Result, int Observation)
{
    /// <summary>Reads a continuation token (null: the start); anything else not written by <see cref="Format"/> is refused.</summary>
    public static LabPosition Parse(string? token)
    {
        if (token is null)
        {
            return new LabPosition(null, 0, 0);
        }

        var parts = token.Split('.', 3);
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var observation)
                ? new LabPosition(parts[2].Length == 0 ? null : parts[2], result, observation)
                : throw new InvalidContinuationTokenException();
    }

    /// <summary>The continuation token.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Result}.{Observation}.{ResultsToken}");
}
