using Portal.Core.Common;

namespace Portal.Core.Scheduling.Setup;

/// <summary>Everything the clinic configured for scheduling, each item with its version; read in one query.</summary>
/// <param name="Providers">Providers.</param>
/// <param name="Locations">Locations.</param>
/// <param name="VisitTypes">Visit types.</param>
/// <param name="Templates">Weekly availability.</param>
/// <param name="Exceptions">Time off and extra sessions.</param>
public sealed record ClinicSetup(
    IReadOnlyList<Versioned<Provider>> Providers,
    IReadOnlyList<Versioned<Location>> Locations,
    IReadOnlyList<Versioned<VisitType>> VisitTypes,
    IReadOnlyList<Versioned<AvailabilityTemplate>> Templates,
    IReadOnlyList<Versioned<AvailabilityException>> Exceptions)
{
    /// <summary>No setup at all.</summary>
    public static ClinicSetup Empty { get; } = new([], [], [], [], []);

    /// <summary>The provider, or null.</summary>
    public Provider? Provider(string id) => Providers.FirstOrDefault(p => p.Value.Id == id)?.Value;

    /// <summary>The location, or null.</summary>
    public Location? Location(string id) => Locations.FirstOrDefault(l => l.Value.Id == id)?.Value;

    /// <summary>The visit type, or null.</summary>
    public VisitType? VisitType(string id) => VisitTypes.FirstOrDefault(v => v.Value.Id == id)?.Value;

    /// <summary>The stored version of an item of <paramref name="kind"/>, or null.</summary>
    public Versioned<ISetupItem>? Find(SetupKind kind, string id)
    {
        var found = kind switch
        {
            SetupKind.Provider => Providers.Select(Erase).FirstOrDefault(v => v.Value.Id == id),
            SetupKind.Location => Locations.Select(Erase).FirstOrDefault(v => v.Value.Id == id),
            SetupKind.VisitType => VisitTypes.Select(Erase).FirstOrDefault(v => v.Value.Id == id),
            SetupKind.Template => Templates.Select(Erase).FirstOrDefault(v => v.Value.Id == id),
            _ => Exceptions.Select(Erase).FirstOrDefault(v => v.Value.Id == id),
        };
        return found;
    }

    /// <summary>The setup with <paramref name="item"/> in place of (or added to) its kind's items.</summary>
    public ClinicSetup With(ISetupItem item, string eTag) => item switch
    {
        Setup.Provider p => this with { Providers = Replace(Providers, p, eTag) },
        Setup.Location l => this with { Locations = Replace(Locations, l, eTag) },
        Setup.VisitType v => this with { VisitTypes = Replace(VisitTypes, v, eTag) },
        AvailabilityTemplate t => this with { Templates = Replace(Templates, t, eTag) },
        AvailabilityException e => this with { Exceptions = Replace(Exceptions, e, eTag) },
        _ => throw new ArgumentException("Unknown setup item.", nameof(item)),
    };

    /// <summary>The setup without the item of <paramref name="kind"/> and <paramref name="id"/>.</summary>
    public ClinicSetup Without(SetupKind kind, string id) => kind switch
    {
        SetupKind.Template => this with { Templates = [.. Templates.Where(t => t.Value.Id != id)] },
        SetupKind.Exception => this with { Exceptions = [.. Exceptions.Where(e => e.Value.Id != id)] },
        _ => this,
    };

    /// <summary>The kind of a setup item.</summary>
    public static SetupKind KindOf(ISetupItem item) => item switch
    {
        Setup.Provider => SetupKind.Provider,
        Setup.Location => SetupKind.Location,
        Setup.VisitType => SetupKind.VisitType,
        AvailabilityTemplate => SetupKind.Template,
        AvailabilityException => SetupKind.Exception,
        _ => throw new ArgumentException("Unknown setup item.", nameof(item)),
    };

    private static Versioned<ISetupItem> Erase<T>(Versioned<T> item) where T : ISetupItem => new(item.Value, item.ETag);

    private static IReadOnlyList<Versioned<T>> Replace<T>(IReadOnlyList<Versioned<T>> items, T item, string eTag) where T : ISetupItem =>
        [.. items.Where(i => i.Value.Id != item.Id), new Versioned<T>(item, eTag)];
}
