using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Patients;

/// <summary>
/// Use case: staff find a patient by MRN, or by the start of the family name and the date of birth.
/// Each patient found has the search in their access log, so patients see who looked them up.
/// </summary>
public sealed partial class SearchPatients(IPatientIndex index, ChartAccess access, ILogger<SearchPatients> logger)
{
    /// <summary>Patients per page of a name search.</summary>
    public const int PageSize = 50;

    /// <summary>The longest name accepted, as typed.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The audit action of a search.</summary>
    public const string Action = "patients.search";

    /// <summary>One page of patients; 403 for callers without a staff role, 400 for a malformed search.</summary>
    public async Task<Result<Page<FoundPatient>>> ExecuteAsync(Caller caller, PatientSearch search, CancellationToken cancellationToken)
    {
        if (AccessPolicy.DecideSearch(caller) != AccessDecision.Allow)
        {
            // No patient's log to write to: the refusal goes to the logs, with the fields but not the values.
            LogRefused(caller.Subject, search.Resource);
            return new Failure(FailureKind.Forbidden, "Only clinic staff search for patients.");
        }

        if (Validate(search) is { } invalid)
        {
            return invalid;
        }

        Page<FoundPatient> page;
        try
        {
            page = search.Mrn is { } mrn ? await FindByMrnAsync(mrn, search.ContinuationToken, cancellationToken) : await FindByNameAsync(search, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        // One insert per patient found, into that patient's own log partition; they do not depend on each other.
        var capacity = ChartAccess.StaffCapacity(caller);
        await Task.WhenAll(page.Items.Select(found => access.RecordAsync(
            new ChartVisit(caller, found.PatientId, Action, search.Resource, capacity, null), AuditOutcome.Success, cancellationToken)));
        LogSearched(caller.Subject, search.Resource, page.Items.Count);
        return page;
    }

    private async Task<Page<FoundPatient>> FindByMrnAsync(string mrn, string? continuationToken, CancellationToken cancellationToken)
    {
        // An MRN finds one patient at most, so it never hands out a token to come back with.
        if (continuationToken is not null)
        {
            throw new InvalidContinuationTokenException();
        }

        var found = await index.FindByMrnAsync(mrn, cancellationToken);
        return new Page<FoundPatient>(found is null ? [] : [found], null);
    }

    private Task<Page<FoundPatient>> FindByNameAsync(PatientSearch search, CancellationToken cancellationToken) =>
        index.FindByNameAsync(NameFolding.Fold(search.Name!), ParseDate(search.BirthDate)!.Value, PageSize, search.ContinuationToken, cancellationToken);

    private static Failure? Validate(PatientSearch search)
    {
        var errors = new FieldErrors();
        if (search.Mrn is null && search.Name is null)
        {
            errors.Add("mrn", "Search by MRN, or by family name and date of birth.");
            errors.Add("name", "Search by MRN, or by family name and date of birth.");
        }

        if (search.Mrn is not null)
        {
            errors.Require(MedicalRecordNumber.IsValid(search.Mrn), "mrn", MedicalRecordNumber.Rule);
            errors.Require(search.Name is null, "name", "Search by MRN or by name, not both.");
            errors.Require(search.BirthDate is null, "birthDate", "Only with a name.");
        }
        else if (search.Name is not null)
        {
            if (search.Name.Length > MaxNameLength)
            {
                errors.Add("name", $"At most {MaxNameLength} characters.");
            }
            else if (!NameFolding.Fold(search.Name).EnumerateRunes().Any(Rune.IsLetter))
            {
                errors.Add("name", "At least one letter of the family name.");
            }

            errors.Require(search.BirthDate is not null, "birthDate", "Required with a name: a name alone matches too many patients.");
            errors.Require(search.BirthDate is null || ParseDate(search.BirthDate) is not null, "birthDate", "A date as YYYY-MM-DD.");
        }

        return errors.ToFailure();
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subject} searched the patient index by {Resource}: {Count} found")]
    private partial void LogSearched(string subject, string resource, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Subject} may not search the patient index ({Resource}): refused")]
    private partial void LogRefused(string subject, string resource);
}
