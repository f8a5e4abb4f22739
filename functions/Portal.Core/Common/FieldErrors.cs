namespace Portal.Core.Common;

/// <summary>Collects field errors while validating input.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was reported.</summary>
    public bool IsEmpty => errors.Count == 0;

    /// <summary>Reports a problem with one field.</summary>
    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Reports when the condition is false.</summary>
    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    /// <summary>Checks a required text: present and not longer than <paramref name="maxLength"/>.</summary>
    public void RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "This field is required.");
        }
        else
        {
            OptionalText(value, field, maxLength);
        }
    }

    /// <summary>Checks an optional text's length.</summary>
    public void OptionalText(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    /// <summary>The validation failure, or null when there were no errors.</summary>
    public Failure? ToFailure() =>
        IsEmpty ? null : Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
