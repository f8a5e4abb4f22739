using Portal.Core.Identity;

namespace Portal.Core.Access;

/// <summary>
/// The one access policy: decides every patient-data access from (caller, patient link, permission).
/// Pure: the caller's link is looked up by <see cref="ChartAccess"/>.
/// </summary>
public static class AccessPolicy
{
    private static readonly DataCategory[] Clinical =
        [DataCategory.Records, DataCategory.Results, DataCategory.Appointments, DataCategory.Messages, DataCategory.Prescriptions];

    /// <summary>
    /// What each staff role may read and change, for every patient of the clinic. Labs push results and EHR integrations push records, but read nothing.
    /// Minimum necessary: billing staff do not read clinical data, clinicians do not read bills. Front desk and billing
    /// answer messages, but only those of their own pools (scheduling, billing): the Messaging feature narrows by pool.
    /// </summary>
    private static readonly Dictionary<string, (DataCategory[] Read, DataCategory[] Write)> StaffGrants = new()
    {
        [AppRoles.Clinician] = ([.. Clinical, DataCategory.Profile, DataCategory.Amendments], [.. Clinical, DataCategory.Amendments]),
        [AppRoles.FrontDesk] = ([DataCategory.Profile, DataCategory.Appointments, DataCategory.Messages], [DataCategory.Profile, DataCategory.Appointments, DataCategory.Messages, DataCategory.Activation]),
        [AppRoles.Billing] = ([DataCategory.Profile, DataCategory.Billing, DataCategory.Messages], [DataCategory.Billing, DataCategory.Messages]),
        [AppRoles.Admin] = ([DataCategory.Profile, DataCategory.Appointments, DataCategory.Billing, DataCategory.AccessLog, DataCategory.Amendments], [DataCategory.Profile, DataCategory.Appointments, DataCategory.Activation, DataCategory.Amendments]),
        [AppRoles.LabPush] = ([], [DataCategory.Results]),
        [AppRoles.RecordsPush] = ([], [DataCategory.Records]),
    };

    /// <summary>Decides whether <paramref name="caller"/> may use <paramref name="permission"/> on the patient.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="link">The caller's own link to the patient, if any.</param>
    /// <param name="permission">What they want to do.</param>
    /// <param name="now">The current time, for grant expiry.</param>
    public static AccessDecision Decide(Caller caller, PatientLink? link, Permission permission, DateTimeOffset now)
    {
        if (link is not null && link.Subject == caller.Subject && link.IsActive(now))
        {
            return LinkAllows(link, permission) ? AccessDecision.Allow : AccessDecision.Forbidden;
        }

        var staffRoles = caller.Roles.Where(StaffGrants.ContainsKey).ToList();
        if (staffRoles.Count == 0)
        {
            // No relation at all: do not reveal that the patient exists.
            return AccessDecision.NotFound;
        }

        return staffRoles.Any(role => StaffAllows(role, permission)) ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    /// <summary>
    /// Decides whether <paramref name="caller"/> may search the clinic's patient index (by MRN, or by name and
    /// birth date). Every staff role must find the patient it books, treats or bills, and a result carries only
    /// what tells patients apart (name, birth date, MRN). Patients and caregivers reach their charts through their
    /// links and search nothing, whatever their links allow; labs send results with the patient's identifiers.
    /// </summary>
    public static AccessDecision DecideSearch(Caller caller) =>
        caller.Roles.Any(AppRoles.Staff.Contains) ? AccessDecision.Allow : AccessDecision.Forbidden;

    /// <summary>
    /// Decides whether <paramref name="caller"/> may see a clinic-wide work queue of <paramref name="category"/> (open
    /// requests of every patient, naming no clinical detail): staff whose role changes the category, who work it, and for
    /// prescriptions the front desk too, who answer patients' and pharmacies' calls about refills but decide none.
    /// </summary>
    public static AccessDecision DecideWorkQueue(Caller caller, DataCategory category) =>
        caller.Roles.Any(role => StaffAllows(role, Permission.Change(category)))
        || (category == DataCategory.Prescriptions && caller.IsInRole(AppRoles.FrontDesk))
            ? AccessDecision.Allow
            : AccessDecision.Forbidden;

    /// <summary>
    /// Decides whether <paramref name="caller"/> may work the unmatched-lab-results queue (see the results a lab could not
    /// attach to a chart with confidence, match them to a patient or reject them): clinicians and administrators.
    /// </summary>
    public static AccessDecision DecideUnmatchedResults(Caller caller) =>
        caller.IsInRole(AppRoles.Clinician) || caller.IsInRole(AppRoles.Admin) ? AccessDecision.Allow : AccessDecision.Forbidden;

    /// <summary>True when a caregiver's grant, active at <paramref name="now"/>, covers the permission (who is told what).</summary>
    public static bool GrantCovers(PatientLink grant, Permission permission, DateTimeOffset now) =>
        grant.Kind == LinkKind.Proxy && grant.IsActive(now) && LinkAllows(grant, permission);

    /// <summary>True when the role's grants cover the permission (used to skip the link lookup for staff).</summary>
    public static bool StaffAllows(string role, Permission permission) =>
        StaffGrants.TryGetValue(role, out var grants)
        && (permission.Write ? grants.Write : grants.Read).Contains(permission.Category);

    private static bool LinkAllows(PatientLink link, Permission permission)
    {
        // Activation codes come from the clinic: nobody issues one for themself or for someone they care for.
        if (permission.Category == DataCategory.Activation)
        {
            return false;
        }

        if (link.Kind == LinkKind.Self)
        {
            return true;
        }

        // A caregiver never manages other caregivers nor reads the access log.
        if (permission.Category is DataCategory.Proxies or DataCategory.AccessLog)
        {
            return false;
        }

        // A caregiver asks for amendments with the grant's records scopes: a request is about the record.
        if (permission.Category == DataCategory.Amendments)
        {
            permission = permission with { Category = DataCategory.Records };
        }

        var wanted = permission.Scope;
        var readOfWritable = permission.Write ? null : Permission.Change(permission.Category).Scope;
        return link.Scopes.Any(s => s == wanted || s == readOfWritable);
    }
}
