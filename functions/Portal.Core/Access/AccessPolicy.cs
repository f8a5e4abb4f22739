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
        [AppRoles.FrontDesk] = ([DataCategory.Profile, DataCategory.Appointments, DataCategory.Messages, DataCategory.Proxies], [DataCategory.Profile, DataCategory.Appointments, DataCategory.Messages, DataCategory.Activation, DataCategory.Proxies]),
        [AppRoles.Billing] = ([DataCategory.Profile, DataCategory.Billing, DataCategory.Messages], [DataCategory.Billing, DataCategory.Messages]),
        [AppRoles.Admin] = ([DataCategory.Profile, DataCategory.Appointments, DataCategory.Billing, DataCategory.AccessLog, DataCategory.Amendments, DataCategory.Proxies], [DataCategory.Profile, DataCategory.Appointments, DataCategory.Activation, DataCategory.Amendments, DataCategory.Proxies]),
        [AppRoles.LabPush] = ([], [DataCategory.Results]),
        [AppRoles.RecordsPush] = ([], [DataCategory.Records]),
    };

    /// <summary>Decides with the default caregiver rules (<see cref="ProxyRules.Default"/>).</summary>
    public static AccessDecision Decide(Caller caller, PatientLink? link, Permission permission, DateTimeOffset now) =>
        Decide(caller, link, permission, now, ProxyRules.Default);

    /// <summary>Decides whether <paramref name="caller"/> may use <paramref name="permission"/> on the patient.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="link">The caller's own link to the patient, if any.</param>
    /// <param name="permission">What they want to do.</param>
    /// <param name="now">The current time, for grant expiry and the patient's age.</param>
    /// <param name="rules">The clinic's caregiver rules (zone, age bands, what guardians of adolescents see).</param>
    public static AccessDecision Decide(Caller caller, PatientLink? link, Permission permission, DateTimeOffset now, ProxyRules rules)
    {
        if (link is not null && link.Subject == caller.Subject && IsInForce(link, now, rules))
        {
            return LinkAllows(link, permission) && BandAllows(link, permission, now, rules) ? AccessDecision.Allow : AccessDecision.Forbidden;
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

    /// <summary>
    /// Decides whether <paramref name="caller"/> reviews requests for caregiver access (documents of people who cannot
    /// invite: children, adults who lost capacity): the front desk and administrators, who register patients and
    /// check identity papers. Anyone signed in may file a request and see their own.
    /// </summary>
    public static AccessDecision DecideProxyRequests(Caller caller) =>
        caller.IsInRole(AppRoles.FrontDesk) || caller.IsInRole(AppRoles.Admin) ? AccessDecision.Allow : AccessDecision.Forbidden;

    /// <summary>True when a caregiver's grant, active at <paramref name="now"/>, covers the permission (who is told what).</summary>
    public static bool GrantCovers(PatientLink grant, Permission permission, DateTimeOffset now) => GrantCovers(grant, permission, now, ProxyRules.Default);

    /// <summary>The same under the clinic's rules: a guardian of an adolescent hears only of what they may see.</summary>
    public static bool GrantCovers(PatientLink grant, Permission permission, DateTimeOffset now, ProxyRules rules) =>
        grant.Kind == LinkKind.Proxy && IsInForce(grant, now, rules) && LinkAllows(grant, permission) && BandAllows(grant, permission, now, rules)
        && (permission.Category != DataCategory.Messages || AgeOf(grant, now, rules) is not AgeBand.Adolescent);

    /// <summary>
    /// True when the link can be used at <paramref name="now"/>: not revoked nor expired, and — for a parent's or
    /// guardian's grant to a minor — the patient is not yet 18 in the clinic's zone (the grant ends on the birthday
    /// itself, whether or not the daily run has recorded it yet).
    /// </summary>
    public static bool IsInForce(PatientLink link, DateTimeOffset now, ProxyRules rules) =>
        link.IsActive(now) && !(link.Kind == LinkKind.Proxy && link.EndsAtAdulthood && AgeOf(link, now, rules) == AgeBand.Adult);

    /// <summary>The patient's age band at <paramref name="now"/> (clinic zone); null when the grant does not know the birth date.</summary>
    public static AgeBand? AgeOf(PatientLink link, DateTimeOffset now, ProxyRules rules) =>
        link.PatientBirthDate is { } born ? BandOf(born, now, rules) : null;

    /// <summary>The age band of someone born on <paramref name="birthDate"/>, on the clinic's date at <paramref name="now"/>.</summary>
    public static AgeBand BandOf(DateOnly birthDate, DateTimeOffset now, ProxyRules rules)
    {
        var age = AgeOn(birthDate, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rules.ClinicZone).DateTime));
        return age >= rules.AdultAt ? AgeBand.Adult : age >= rules.AdolescentFrom ? AgeBand.Adolescent : AgeBand.Child;
    }

    /// <summary>Whole years on <paramref name="day"/>; someone born on 29 February turns a year older on 1 March in other years.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return (day.Month, day.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? age - 1 : age;
    }

    /// <summary>What the caregiver may not see within the grant; null for the patient themself.</summary>
    public static ProxyLimits? LimitsOf(PatientLink link, DateTimeOffset now, ProxyRules rules) =>
        link.Kind == LinkKind.Self ? null
        : AgeOf(link, now, rules) == AgeBand.Adolescent ? new ProxyLimits(rules.AdolescentRecordSections, OwnThreadsOnly: true)
        : new ProxyLimits(null, OwnThreadsOnly: false);

    /// <summary>True when the role's grants cover the permission (used to skip the link lookup for staff).</summary>
    public static bool StaffAllows(string role, Permission permission) =>
        StaffGrants.TryGetValue(role, out var grants)
        && (permission.Write ? grants.Write : grants.Read).Contains(permission.Category);

    /// <summary>
    /// The adolescent rule: a guardian of a 12–17-year-old uses only the categories the clinic allows (records only
    /// through the allowed sections, read-only), whatever the grant says. Children's and adults' grants are not narrowed.
    /// </summary>
    private static bool BandAllows(PatientLink link, Permission permission, DateTimeOffset now, ProxyRules rules)
    {
        if (link.Kind != LinkKind.Proxy || AgeOf(link, now, rules) != AgeBand.Adolescent)
        {
            return true;
        }

        var category = permission.Category == DataCategory.Amendments ? DataCategory.Records : permission.Category;
        return rules.AdolescentCategories.Contains(category)
            || (category == DataCategory.Records && !permission.Write && permission.Category == DataCategory.Records && rules.AdolescentRecordSections.Count > 0);
    }

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
