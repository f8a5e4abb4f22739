namespace Portal.Azure.Identity;

/// <summary>The development token issuer (section <c>DevTokens</c>); allowed only in the Development environment.</summary>
public sealed class DevTokenOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "DevTokens";

    /// <summary>Turns the issuer and <c>POST /api/dev/token</c> on. Default false.</summary>
    public bool Enabled { get; set; }
}
