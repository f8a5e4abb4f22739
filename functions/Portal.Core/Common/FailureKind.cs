namespace Portal.Core.Common;

/// <summary>Why a use case did not do what was asked; each maps to one HTTP status.</summary>
public enum FailureKind
{
    /// <summary>The input is invalid (400), with field errors.</summary>
    Validation,

    /// <summary>Not found, or not visible to the caller (404).</summary>
    NotFound,

    /// <summary>Visible but not allowed (403).</summary>
    Forbidden,

    /// <summary>Conflicts with existing data, e.g. a duplicate (409).</summary>
    Conflict,

    /// <summary>The caller's copy is stale: the ETag does not match (412).</summary>
    PreconditionFailed,

    /// <summary>An update came without <c>If-Match</c> (428).</summary>
    PreconditionRequired,

    /// <summary>The action needs multi-factor authentication (401 with a claims challenge).</summary>
    StepUpRequired,

    /// <summary>Too many attempts (429).</summary>
    TooManyAttempts,

    /// <summary>The thing existed but is no longer usable, e.g. an expired code (410).</summary>
    Gone,

    /// <summary>The content is larger than the endpoint accepts (413).</summary>
    TooLarge,
}
