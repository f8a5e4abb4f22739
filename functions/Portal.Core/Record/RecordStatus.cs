namespace Portal.Core.Record;

/// <summary>
/// Whether an item is current, whatever its section calls it (an allergy "resolved", a medication "stopped",
/// a problem "resolved", a care plan "completed" are all <see cref="Inactive"/>). Section pages filter on it.
/// </summary>
public enum RecordStatus
{
    /// <summary>Current: an active allergy or problem, a medication being taken, a visit or a vital sign on record.</summary>
    Active,

    /// <summary>Past: resolved, stopped, completed, revoked.</summary>
    Inactive,

    /// <summary>Recorded by mistake: kept (nothing is deleted) and shown only when all items are asked for.</summary>
    EnteredInError,
}

/// <summary>Which items a section page lists (<c>?status=active|all</c>).</summary>
public enum RecordStatusFilter
{
    /// <summary>Only <see cref="RecordStatus.Active"/> items (the default).</summary>
    Active,

    /// <summary>Every item, including inactive and entered-in-error ones.</summary>
    All,
}
