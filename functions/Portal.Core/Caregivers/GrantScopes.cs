using Portal.Core.Access;
using Portal.Core.Common;

namespace Portal.Core.Caregivers;

/// <summary>The scopes a patient (or the clinic) may give a caregiver: each category read or write.</summary>
public static class GrantScopes
{
    /// <summary>The categories a grant may cover; never the access log, caregivers, activation or amendments (these ride on records).</summary>
    public static IReadOnlyList<DataCategory> Categories { get; } =
        [DataCategory.Records, DataCategory.Results, DataCategory.Appointments, DataCategory.Messages, DataCategory.Billing, DataCategory.Prescriptions, DataCategory.Profile];

    /// <summary>The scopes as grants store them (<c>results.read</c>), distinct and ordered; a field error on <paramref name="field"/> otherwise.</summary>
    public static Result<IReadOnlyList<string>> Parse(IReadOnlyList<string>? scopes, string field = "scopes")
    {
        if (scopes is null || scopes.Count == 0)
        {
            return Failure.Invalid(field, "Choose at least one scope, e.g. appointments.read.");
        }

        var parsed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            if (!Permission.TryParseScope(scope ?? "", out var permission) || !Categories.Contains(permission.Category) || permission.Scope != scope)
            {
                return Failure.Invalid(field, $"'{scope}' is not a caregiver scope: {Listed}.");
            }

            parsed.Add(permission.Scope);
        }

        return parsed.ToList();
    }

    /// <summary>The scopes one may choose, for messages and documentation.</summary>
    public static string Listed => string.Join(", ", Categories.Select(c => c.ToString().ToLowerInvariant() + ".read|write"));
}
