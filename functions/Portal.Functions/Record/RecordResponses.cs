using Portal.Core.Record;

namespace Portal.Functions.Record;

/// <summary>One page of a record section, newest first.</summary>
/// <param name="Items">The items.</param>
/// <param name="ContinuationToken">Send it back for the next page; null on the last.</param>
public sealed record RecordPage(IReadOnlyList<RecordItem> Items, string? ContinuationToken);
