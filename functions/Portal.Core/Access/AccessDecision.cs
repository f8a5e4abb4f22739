namespace Portal.Core.Access;

/// <summary>The access policy's answer.</summary>
public enum AccessDecision
{
    /// <summary>The caller may do it.</summary>
    Allow,

    /// <summary>The caller has no relation to the patient: answer as if the patient did not exist.</summary>
    NotFound,

    /// <summary>The caller may see the patient but not this category or action.</summary>
    Forbidden,
}
