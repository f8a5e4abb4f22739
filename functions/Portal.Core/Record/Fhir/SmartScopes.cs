namespace Portal.Core.Record.Fhir;

/// <summary>
/// What a SMART App Launch token lets an app do with the FHIR API (SMART v2 scopes, v1 accepted). A token is a
/// SMART token when it carries any clinical scope (<c>patient/…</c>, <c>user/…</c>) or a SMART launch scope
/// (<c>launch</c>, <c>launch/patient</c>, <c>fhirUser</c>); then only its clinical scopes open resource types, on
/// top of what the portal's policy allows the person. A token without them (the portal's own front end) is left to
/// the policy alone. Entra ID scope names are written with a dot instead of the slash (<c>patient.Observation.rs</c>,
/// as Azure Health Data Services does), so both forms are read.
/// </summary>
public sealed class SmartScopes
{
    private static readonly string[] LaunchScopes = ["launch", "launch/patient", "launch.patient", "fhirUser"];

    private SmartScopes(IReadOnlyList<SmartGrant> grants) => Grants = grants;

    /// <summary>The clinical grants the token carries (those this server understands).</summary>
    public IReadOnlyList<SmartGrant> Grants { get; }

    /// <summary>The token's SMART rules, or null when the token is not a SMART token (the policy alone decides).</summary>
    public static SmartScopes? From(IReadOnlyCollection<string>? tokenScopes)
    {
        if (tokenScopes is null || tokenScopes.Count == 0)
        {
            return null;
        }

        var isSmart = false;
        var grants = new List<SmartGrant>();
        foreach (var scope in tokenScopes)
        {
            if (LaunchScopes.Contains(scope, StringComparer.Ordinal))
            {
                isSmart = true;
                continue;
            }

            if (SmartGrant.TryParse(scope, out var grant, out var clinical))
            {
                grants.Add(grant);
            }

            isSmart |= clinical;
        }

        return isSmart ? new SmartScopes(grants) : null;
    }

    /// <summary>True when some grant covers the interaction on the type, whatever its category constraint.</summary>
    public bool Covers(string resourceType, SmartInteraction interaction) =>
        Grants.Any(g => g.Covers(resourceType, interaction));

    /// <summary>
    /// True when some grant covers the interaction on a resource of the type with these categories (the values of
    /// its <c>category</c> search parameter, as <c>system|code</c>): a grant limited to a category needs it among them.
    /// </summary>
    public bool Covers(string resourceType, SmartInteraction interaction, IEnumerable<string> categories)
    {
        var held = categories.ToList();
        return Grants.Any(g => g.Covers(resourceType, interaction) && (g.Category is null || held.Any(g.MatchesCategory)));
    }

    /// <summary>True when the grants may limit resources of the type by category (so each resource is checked).</summary>
    public bool LimitsByCategory(string resourceType, SmartInteraction interaction) =>
        !Grants.Any(g => g.Covers(resourceType, interaction) && g.Category is null);
}

/// <summary>The two interactions the FHIR API offers: SMART v2's <c>r</c> (read by id) and <c>s</c> (search).</summary>
public enum SmartInteraction
{
    /// <summary><c>GET {type}/{id}</c>.</summary>
    Read,

    /// <summary><c>GET {type}?…</c>.</summary>
    Search,
}

/// <summary>One clinical scope as this server applies it.</summary>
/// <param name="Context"><c>patient</c> or <c>user</c>: both stay within what the policy lets the person see.</param>
/// <param name="ResourceType">A FHIR type, or <c>*</c>.</param>
/// <param name="Read">Grants read by id (v2 <c>r</c>, v1 <c>read</c> or <c>*</c>).</param>
/// <param name="Search">Grants search (v2 <c>s</c>, v1 <c>read</c> or <c>*</c>).</param>
/// <param name="Category">A SMART v2 query constraint <c>?category=</c> (<c>system|code</c> or a bare code), or null.</param>
public sealed record SmartGrant(string Context, string ResourceType, bool Read, bool Search, string? Category)
{
    /// <summary>True when the grant covers the interaction on the type (its category constraint aside).</summary>
    public bool Covers(string resourceType, SmartInteraction interaction) =>
        (ResourceType == "*" || ResourceType == resourceType) && (interaction == SmartInteraction.Read ? Read : Search);

    /// <summary>True when a resource's category (<c>system|code</c>) meets the grant's constraint.</summary>
    public bool MatchesCategory(string category) =>
        Category is null
        || string.Equals(Category, category, StringComparison.Ordinal)
        || (!Category.Contains('|', StringComparison.Ordinal) && category.EndsWith("|" + Category, StringComparison.Ordinal));

    /// <summary>
    /// Parses one scope. <paramref name="clinical"/> says whether it names a SMART context (<c>patient</c>, <c>user</c>,
    /// <c>system</c>): then the token is a SMART token even when this server grants nothing for the scope (<c>system/</c>
    /// scopes, write-only scopes, query constraints other than <c>category</c>, malformed permissions).
    /// </summary>
    public static bool TryParse(string scope, out SmartGrant grant, out bool clinical)
    {
        grant = null!;
        clinical = false;
        var separator = scope.IndexOfAny(['/', '.']);
        if (separator <= 0)
        {
            return false;
        }

        var context = scope[..separator];
        if (context is not ("patient" or "user" or "system"))
        {
            return false;
        }

        // From here on the token is an app's: a scope this server cannot read grants nothing, it never widens access.
        clinical = true;
        var rest = scope[(separator + 1)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var constraint = query >= 0 ? rest[(query + 1)..] : null;
        var resource = query >= 0 ? rest[..query] : rest;
        var dot = resource.LastIndexOf('.');
        if (dot <= 0 || !IsType(resource[..dot]) || Permissions(resource[(dot + 1)..]) is not { } permissions)
        {
            return false;
        }

        string? category = null;
        if (constraint is not null && !TryCategory(constraint, out category))
        {
            return false;
        }

        if (context == "system" || !(permissions.Read || permissions.Search))
        {
            return false;
        }

        grant = new SmartGrant(context, resource[..dot], permissions.Read, permissions.Search, category);
        return true;
    }

    private static bool IsType(string text) =>
        text == "*" || (text.Length is > 0 and <= 64 && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetter));

    // v2: a non-empty subset of "cruds" in that order; v1: read, write or *.
    private static (bool Read, bool Search)? Permissions(string text)
    {
        switch (text)
        {
            case "read" or "*":
                return (true, true);
            case "write":
                return (false, false);
        }

        var order = "cruds";
        var at = 0;
        foreach (var letter in text)
        {
            var index = order.IndexOf(letter, at);
            if (index < 0)
            {
                return null;
            }

            at = index + 1;
        }

        return text.Length == 0 ? null : (text.Contains('r', StringComparison.Ordinal), text.Contains('s', StringComparison.Ordinal));
    }

    private static bool TryCategory(string query, out string? category)
    {
        category = null;
        var parts = query.Split('&');
        if (parts.Length != 1 || !parts[0].StartsWith("category=", StringComparison.Ordinal))
        {
            return false;
        }

        category = Uri.UnescapeDataString(parts[0]["category=".Length..]);
        return category.Length > 0;
    }
}
