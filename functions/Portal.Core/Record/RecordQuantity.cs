namespace Portal.Core.Record;

/// <summary>An amount with its unit, e.g. 30 tablets or 480 mL.</summary>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit as people read it (<c>tablets</c>, <c>mL</c>), if any.</param>
/// <param name="UcumCode">The UCUM code (<c>mL</c>, <c>{tbl}</c>), if sent.</param>
public sealed record RecordQuantity(decimal Value, string? Unit = null, string? UcumCode = null);
