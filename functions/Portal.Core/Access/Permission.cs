namespace Portal.Core.Access;

/// <summary>What a caller wants to do with one category of a patient's data.</summary>
/// <param name="Category">The data category.</param>
/// <param name="Write">False to read, true to create or change.</param>
public readonly record struct Permission(DataCategory Category, bool Write)
{
    /// <summary>Reading the category.</summary>
    public static Permission Read(DataCategory category) => new(category, false);

    /// <summary>Creating or changing data in the category.</summary>
    public static Permission Change(DataCategory category) => new(category, true);

    /// <summary>The scope string used in proxy grants, e.g. <c>results.read</c>.</summary>
    public string Scope => $"{Category.ToString().ToLowerInvariant()}.{(Write ? "write" : "read")}";

    /// <summary>Parses a grant scope such as <c>appointments.write</c>.</summary>
    public static bool TryParseScope(string scope, out Permission permission)
    {
        permission = default;
        var dot = scope.IndexOf('.');
        // Names only: Enum.TryParse would also accept numbers and comma lists.
        var name = dot > 0 ? scope[..dot] : "";
        var category = Enum.GetValues<DataCategory>().FirstOrDefault(c => string.Equals(c.ToString(), name, StringComparison.OrdinalIgnoreCase));
        if (dot <= 0 || !string.Equals(category.ToString(), name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        switch (scope[(dot + 1)..])
        {
            case "read": permission = Read(category); return true;
            case "write": permission = Change(category); return true;
            default: return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Scope;
}
