namespace Portal.Core.Scheduling.Setup;

/// <summary>The kinds of setup items, each under <c>/api/clinic/{kind}</c>.</summary>
public enum SetupKind
{
    /// <summary><see cref="Provider"/>.</summary>
    Provider,

    /// <summary><see cref="Location"/>.</summary>
    Location,

    /// <summary><see cref="VisitType"/>.</summary>
    VisitType,

    /// <summary><see cref="AvailabilityTemplate"/>.</summary>
    Template,

    /// <summary><see cref="AvailabilityException"/>.</summary>
    Exception,
}
