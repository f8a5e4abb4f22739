using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Turns a lab order into the next version of its <see cref="LabResult"/>: the stable id of the order and test,
/// the flattened observations, and the rule for corrections (C/F/X replace the current version, keeping it in the
/// history; a preliminary report never replaces a final one).
/// </summary>
public static class LabResultVersions
{
    /// <summary>The same lab, order number and test always give the same id (20 hex digits).</summary>
    public static string ResultId(string facility, LabOrder order, string messageControlId, int orderIndex)
    {
        var orderNumber = OrderNumber(order) ?? $"{messageControlId}#{orderIndex}";
        var test = order.Test.Loinc ?? order.Test.Code ?? order.Test.DisplayText ?? "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}\n{orderNumber}\n{test}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }

    /// <summary>The filler's order number, else the placer's.</summary>
    public static string? OrderNumber(LabOrder order) => order.FillerOrderNumber?.Value ?? order.PlacerOrderNumber?.Value;

    /// <summary>True when <paramref name="incoming"/> must not replace <paramref name="current"/> (a late preliminary after a final).</summary>
    public static bool IsStale(LabResultStatus current, LabResultStatus incoming) =>
        incoming is LabResultStatus.Preliminary or LabResultStatus.Partial or LabResultStatus.Registered
        && current is LabResultStatus.Final or LabResultStatus.Corrected or LabResultStatus.Amended;

    /// <summary>The next version of the result for <paramref name="order"/>, replacing <paramref name="current"/> if any.</summary>
    /// <param name="patientId">Whose chart.</param>
    /// <param name="resultId">From <see cref="ResultId"/>.</param>
    /// <param name="facility">The sending lab.</param>
    /// <param name="order">The order as read.</param>
    /// <param name="messageKey">The message it came in (facility|control id).</param>
    /// <param name="current">The result now in the chart, or null.</param>
    /// <param name="receivedAt">When the message arrived.</param>
    public static (LabResult Result, IReadOnlyList<ResultObservation> Observations) Next(
        string patientId, string resultId, string facility, LabOrder order, string messageKey, LabResult? current, DateTimeOffset receivedAt)
    {
        var observations = order.Observations.Select((o, i) => Observation(o, i + 1)).ToList();
        var performing = order.Observations.Select(o => o.PerformingOrganization).FirstOrDefault(p => p is not null);
        var history = current is null
            ? (IReadOnlyList<ResultVersion>)[]
            : [.. current.History, new ResultVersion(current.Version, current.Status, current.ReceivedAt, current.ObservationCount)];
        var result = new LabResult(
            patientId,
            resultId,
            facility,
            OrderNumber(order),
            order.Test.Loinc ?? order.Test.Code,
            order.Test.DisplayText ?? order.Test.Code ?? "Lab test",
            ResultCategories.FromServiceSection(order.ServiceSection),
            order.Status,
            order.CollectedAt?.Value ?? order.Specimen?.CollectedAt?.Value,
            order.ReportedAt?.Value,
            receivedAt,
            order.OrderingProvider is { } provider ? provider.Name?.ToString() ?? provider.Display ?? provider.Id : null,
            Describe(performing),
            order.Notes,
            (current?.Version ?? 0) + 1,
            observations.Count,
            ResultFlags.Union(observations.Select(o => o.Flags)),
            current?.Release ?? ReleaseState.Released,
            current?.ReleasedAt,
            current?.Hold,
            current?.HoldHistory ?? [],
            current?.Comment,
            current?.ReviewedAt,
            history,
            [.. (current?.AppliedMessages ?? []).TakeLast(9), messageKey]);
        return (result, observations);
    }

    /// <summary>One observation, flattened.</summary>
    public static ResultObservation Observation(LabObservation o, int sequence)
    {
        var (text, number, comparator) = Value(o.Values);
        return new ResultObservation(
            sequence,
            o.Code.Loinc,
            o.Code.Code,
            o.Code.DisplayText ?? o.Code.Code ?? "Result",
            o.ValueType,
            text,
            number,
            comparator,
            o.Units?.Code ?? o.Units?.Text,
            o.ReferenceRange?.Text ?? RangeText(o.ReferenceRange),
            o.ReferenceRange?.Low,
            o.ReferenceRange?.High,
            [.. o.Flags.Select(f => f.Code)],
            ResultFlags.From(o.Flags),
            o.Status,
            o.ObservedAt?.Value,
            Describe(o.PerformingOrganization),
            o.Notes);
    }

    private static (string? Text, decimal? Number, string? Comparator) Value(IReadOnlyList<LabValue> values)
    {
        if (values.Count == 0)
        {
            return (null, null, null);
        }

        var first = values[0] switch
        {
            LabQuantityValue q => ((string?)$"{q.Comparator}{Number(q.Value)}", (decimal?)q.Value, q.Comparator),
            _ => (Text(values[0]), null, null),
        };
        return values.Count == 1 ? first : (string.Join("; ", values.Select(Text)), first.Item2, first.Item3);
    }

    private static string Text(LabValue value) => value switch
    {
        LabQuantityValue q => $"{q.Comparator}{Number(q.Value)}",
        LabRatioValue r => $"{r.Comparator}{Number(r.Numerator)}{r.Separator}{Number(r.Denominator)}",
        LabRangeValue r => $"{Number(r.Low)}-{Number(r.High)}",
        LabCodedValue c => c.Code.DisplayText ?? "",
        LabTextValue t => t.Text,
        LabDateTimeValue d => d.Time.ToString(),
        _ => "",
    };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string? RangeText(ReferenceRange? range) => range switch
    {
        null => null,
        { Low: { } low, High: { } high } => $"{Number(low)}-{Number(high)}",
        { High: { } high } => $"<{(range.HighInclusive ? "=" : "")}{Number(high)}",
        { Low: { } low } => $">{(range.LowInclusive ? "=" : "")}{Number(low)}",
        _ => null,
    };

    private static string? Describe(LabOrganization? organization)
    {
        if (organization?.Name is not { } name)
        {
            return null;
        }

        var place = organization.Address is { } a ? string.Join(", ", new[] { a.City, a.State }.Where(p => !string.IsNullOrEmpty(p))) : "";
        return place.Length > 0 ? $"{name}, {place}" : name;
    }
}
