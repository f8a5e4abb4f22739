using Portal.Core.Common;

namespace Portal.Core.Record.Amendments;

/// <summary>A request as one reads it: the request with its ETag, and the item it is about as the record holds it now.</summary>
/// <param name="Request">The request and its version (ETag for If-Match on decisions and statements).</param>
/// <param name="Item">The item it is about, now (with its version and history), or null for the record in general or an item no longer there.</param>
public sealed record AmendmentView(Versioned<AmendmentRequest> Request, RecordItem? Item);
