namespace Portal.Core.Scheduling.Setup;

/// <summary>A piece of the clinic's scheduling setup, stored and versioned on its own.</summary>
public interface ISetupItem
{
    /// <summary>Its id within its kind.</summary>
    string Id { get; }
}
