namespace Portal.Core.Audit;

/// <summary>How an access to patient data ended.</summary>
public enum AuditOutcome
{
    /// <summary>Access was granted and the action done.</summary>
    Success,

    /// <summary>The policy refused access.</summary>
    Denied,

    /// <summary>Access was granted but the action failed (bad input, conflict …).</summary>
    Failed,
}
