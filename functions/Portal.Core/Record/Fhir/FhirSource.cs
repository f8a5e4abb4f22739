using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Labs.Results;
using Portal.Core.Profile;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Where resources of one FHIR type come from: a record section, lab results, or the profile. A type may have
/// several (Observation: vital signs and lab results; DocumentReference: documents and notes), each read under
/// its own data category, and a search pages through them one after the other.
/// </summary>
internal abstract class FhirSource(string key, DataCategory category, string? fixedCategory)
{
    /// <summary>The source's name in continuation tokens.</summary>
    public string Key { get; } = key;

    /// <summary>The data category a caller needs to read it.</summary>
    public DataCategory Category { get; } = category;

    /// <summary>The category (<c>system|code</c>) every resource of the source has, or null when it varies.</summary>
    public string? FixedCategory { get; } = fixedCategory;

    /// <summary>One page of the search's resources from this source, for an allowed visit.</summary>
    public abstract Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken);

    /// <summary>One resource by id, or null when the source has none the visit may see.</summary>
    public abstract Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken);
}

/// <summary>The items of one record section.</summary>
internal sealed class SectionSource(IHealthRecord record, RecordSection section, string? fixedCategory)
    : FhirSource(section.Slug(), DataCategory.Records, fixedCategory)
{
    public override async Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var query = new RecordQuery(section, RecordStatusFilter.All, RecordVisibility.ShowsConfidential(visit), search.Dates.From, search.Dates.Until);
        var page = await record.ReadSectionAsync(visit.PatientId, query, pageSize, continuationToken, cancellationToken);
        var resources = page.Items
            .Where(item => RecordVisibility.MaySee(visit, item))
            .Select(item => FhirResources.From(item, context))
            .Where(resource => search.Codes.Count == 0 || search.Codes.Any(code => code.Matches(FhirCategories.CodeOf(resource))))
            .ToList();
        return new Page<Resource>(resources, page.ContinuationToken);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        await record.FindAsync(visit.PatientId, section, id, cancellationToken) is { } found && RecordVisibility.MaySee(visit, found.Value)
            ? FhirResources.From(found.Value, context)
            : null;
}

/// <summary>Lab results of one FHIR type, through the labs port.</summary>
internal sealed class LabSource(ILabResultsReader labs, string resourceType, string fixedCategory)
    : FhirSource("labs", DataCategory.Results, fixedCategory)
{
    public override Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken) =>
        labs.SearchAsync(visit.PatientId, new LabResultsQuery(resourceType, search.Codes, search.Dates, ResultsAccess.IsPatientSide(visit)), pageSize, continuationToken, cancellationToken);

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken)
    {
        var found = await labs.FindAsync(visit.PatientId, resourceType, id, ResultsAccess.IsPatientSide(visit), cancellationToken);

        // The port promises the patient's own resources; checked anyway, since a slip here would show another patient's result.
        return found is not null && FhirCategories.SubjectOf(found) == $"Patient/{visit.PatientId}" ? found : null;
    }
}

/// <summary>The patient's profile as the Patient resource.</summary>
internal sealed class ProfileSource(IProfiles profiles, string mrnSystem) : FhirSource("patient", DataCategory.Profile, null)
{
    public override async Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken) =>
        new([.. await FindAsync(visit.PatientId, visit, context, cancellationToken) is { } patient ? [patient] : Array.Empty<Resource>()], null);

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        id == visit.PatientId && await profiles.FindAsync(visit.PatientId, cancellationToken) is { } profile
            ? PatientResource.From(profile.Value, mrnSystem)
            : null;
}
