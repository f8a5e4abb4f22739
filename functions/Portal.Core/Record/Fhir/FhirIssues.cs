using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>What is wrong with a pushed Bundle, by FHIRPath expression (<c>Bundle.entry[2].resource.subject</c>).</summary>
internal sealed class FhirIssues
{
    private readonly FieldErrors errors = new();

    public bool IsEmpty => errors.IsEmpty;

    public void Add(string expression, string message) => errors.Add(expression, message);

    /// <summary>The 400 listing every issue, or null.</summary>
    public Failure? ToFailure() => errors.ToFailure() is { } failure
        ? failure with { Detail = "The Bundle was not accepted; nothing was written. Each issue names the element it is about." }
        : null;
}
