using System.Diagnostics;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Access;

/// <summary>
/// The gate every use case passes before touching a patient's chart: finds the caller's
/// link, asks <see cref="AccessPolicy"/>, and writes the audit event for the outcome.
/// </summary>
public sealed class ChartAccess(IPatientLinks links, IAuditLog auditLog, TimeProvider time, ProxyRules? rules = null)
{
    /// <summary>
    /// Decides access. A refusal is audited here and comes back as a 404 (no relation) or 403 failure;
    /// an allowed access must be closed with <see cref="RecordAsync"/> once the outcome is known.
    /// </summary>
    public async Task<Result<ChartVisit>> OpenAsync(
        Caller caller, string patientId, Permission permission, string resource, CancellationToken cancellationToken)
    {
        // Staff whose role covers the permission need no lookup; everyone else needs their link.
        var staffRole = caller.Roles.FirstOrDefault(role => AccessPolicy.StaffAllows(role, permission));
        var link = staffRole is null ? await links.FindAsync(caller.Subject, patientId, cancellationToken) : null;
        var now = time.GetUtcNow();
        var proxyRules = rules ?? ProxyRules.Default;
        var decision = AccessPolicy.Decide(caller, link, permission, now, proxyRules);
        var inForce = link is not null && AccessPolicy.IsInForce(link, now, proxyRules) ? link : null;
        var visit = new ChartVisit(
            caller, patientId, permission.Scope, resource, ActingAs(caller, inForce), inForce?.Kind == LinkKind.Proxy ? patientId : null,
            inForce is null ? null : AccessPolicy.LimitsOf(inForce, now, proxyRules));

        if (decision == AccessDecision.Allow)
        {
            return visit;
        }

        await RecordAsync(visit, AuditOutcome.Denied, cancellationToken);
        return decision == AccessDecision.NotFound
            ? Failure.NotFound("The patient")
            : new Failure(FailureKind.Forbidden, $"You may not {(permission.Write ? "change" : "see")} this patient's {Describe(permission.Category)}.");
    }

    /// <summary>Appends the audit event for an allowed visit.</summary>
    public Task RecordAsync(ChartVisit visit, AuditOutcome outcome, CancellationToken cancellationToken) =>
        auditLog.AppendAsync(
            new AuditEvent(
                time.GetUtcNow(),
                visit.Caller.Subject,
                visit.Caller.DisplayName,
                visit.ActingAs,
                visit.OnBehalfOf,
                visit.PatientId,
                visit.Action,
                visit.Resource,
                outcome,
                visit.Caller.ClientIp,
                Activity.Current?.TraceId.ToString(),
                visit.Caller.HasMfa),
            cancellationToken);

    /// <summary>The capacity recorded for a caller acting through app roles, e.g. <c>Clinician</c>.</summary>
    public static string StaffCapacity(Caller caller) =>
        caller.Roles.Count > 0 ? string.Join(",", caller.Roles.Order(StringComparer.Ordinal)) : "none";

    private static string Describe(DataCategory category) => category switch
    {
        DataCategory.AccessLog => "access log",
        DataCategory.Activation => "activation code",
        _ => category.ToString().ToLowerInvariant(),
    };

    private static string ActingAs(Caller caller, PatientLink? inForce) =>
        inForce is not null ? (inForce.Kind == LinkKind.Self ? "self" : "proxy") : StaffCapacity(caller);
}

/// <summary>An allowed access in progress, to be audited with its outcome.</summary>
/// <param name="Caller">Who.</param>
/// <param name="PatientId">Whose chart.</param>
/// <param name="Action">The permission scope used, e.g. <c>profile.read</c>.</param>
/// <param name="Resource">The resource path.</param>
/// <param name="ActingAs">self, proxy, or staff roles.</param>
/// <param name="OnBehalfOf">The patient a caregiver acts for.</param>
/// <param name="Limits">What a caregiver may not see even within their grant (confidential items, adolescent limits); null for everyone else.</param>
public sealed record ChartVisit(Caller Caller, string PatientId, string Action, string Resource, string ActingAs, string? OnBehalfOf, ProxyLimits? Limits = null);
