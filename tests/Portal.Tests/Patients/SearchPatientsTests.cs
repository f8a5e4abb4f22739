using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Patients;

namespace Portal.Tests.Patients;

public class SearchPatientsTests
{
    private static readonly FoundPatient Ana = new("pat-1", "Ana", "Nuñez", new DateOnly(1984, 3, 9), "MRN-1001");
    private static readonly FoundPatient Bea = new("pat-2", "Bea", "Nuñez Ortiz", new DateOnly(1984, 3, 9), "MRN-1002");
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IPatientIndex> index = new();
    private readonly RecordingAuditLog audit = new();
    private readonly RecordingLogger<SearchPatients> logger = new();

    public SearchPatientsTests()
    {
        index.Setup(i => i.FindByMrnAsync("mrn-1001", It.IsAny<CancellationToken>())).ReturnsAsync(Ana);
        index.Setup(i => i.FindByNameAsync("NUN", Ana.BirthDate, SearchPatients.PageSize, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Page<FoundPatient>([Ana, Bea], "next"));
    }

    private SearchPatients UseCase() => new(index.Object, new ChartAccess(Mock.Of<IPatientLinks>(), audit, clock), logger);

    [Theory]
    [InlineData(AppRoles.FrontDesk)]
    [InlineData(AppRoles.Clinician)]
    [InlineData(AppRoles.Billing)]
    [InlineData(AppRoles.Admin)]
    public async Task Every_staff_role_finds_a_patient_by_mrn_and_the_patient_sees_it_in_their_log(string role)
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(role), new PatientSearch("mrn-1001", null, null, null), default);

        Assert.Equal([Ana], result.Value!.Items);
        Assert.Null(result.Value.ContinuationToken);
        var recorded = Assert.Single(audit.Events);
        Assert.Equal(("pat-1", "patients.search", "patients?mrn", role, AuditOutcome.Success),
            (recorded.PatientId, recorded.Action, recorded.Resource, recorded.ActingAs, recorded.Outcome));
    }

    [Fact]
    public async Task A_name_prefix_is_folded_and_each_patient_found_gets_the_search_in_their_own_log()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch(null, "Ñu-n", "1984-03-09", null), default);

        Assert.Equal([Ana, Bea], result.Value!.Items);
        Assert.Equal("next", result.Value.ContinuationToken);
        Assert.Equal(["pat-1", "pat-2"], audit.Events.Select(e => e.PatientId).Order());
        Assert.All(audit.Events, e => Assert.Equal(("patients.search", "patients?name,birthDate"), (e.Action, e.Resource)));
    }

    [Fact]
    public async Task A_search_that_finds_nobody_writes_to_no_log_but_says_so_in_the_logs_without_the_values()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch("MRN-404", null, null, null), default);

        Assert.Empty(result.Value!.Items);
        Assert.Empty(audit.Events);
        var line = Assert.Single(logger.Lines).Message;
        Assert.Contains("patients?mrn", line);
        Assert.Contains("0 found", line);
        Assert.DoesNotContain("MRN-404", line);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData(AppRoles.LabPush)]
    public async Task Patients_caregivers_and_labs_are_forbidden_and_nothing_is_looked_up(string role)
    {
        var caller = Callers.Staff(role);

        var result = await UseCase().ExecuteAsync(caller, new PatientSearch(null, "Nuñez", "1984-03-09", null), default);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        index.VerifyNoOtherCalls();
        Assert.Empty(audit.Events);
        var line = Assert.Single(logger.Lines).Message;
        Assert.Contains("patients?name,birthDate", line);
        Assert.DoesNotContain("Nu", line.Replace("patients", ""));
        Assert.DoesNotContain("1984", line);
    }

    [Fact]
    public async Task A_person_without_any_role_is_forbidden() =>
        Assert.Equal(FailureKind.Forbidden, (await UseCase().ExecuteAsync(Callers.Person(), new PatientSearch("MRN-1", null, null, null), default)).Failure?.Kind);

    [Theory]
    [InlineData(null, null, null, "mrn")]
    [InlineData(null, null, "1984-03-09", "name")]
    [InlineData(null, "Nuñez", null, "birthDate")]
    [InlineData("MRN-1", "Nuñez", "1984-03-09", "name")]
    [InlineData("MRN-1", null, "1984-03-09", "birthDate")]
    [InlineData("M 1/2", null, null, "mrn")]
    [InlineData(null, "Nuñez", "1984-02-30", "birthDate")]
    [InlineData(null, "Nuñez", "09/03/1984", "birthDate")]
    [InlineData(null, "'-", "1984-03-09", "name")]
    [InlineData(null, "1", "1984-03-09", "name")]
    public async Task Bad_searches_are_field_errors(string? mrn, string? name, string? birthDate, string field)
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch(mrn, name, birthDate, null), default);

        Assert.Equal(FailureKind.Validation, result.Failure?.Kind);
        Assert.Contains(field, result.Failure!.Errors!.Keys);
        index.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_is_a_field_error()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch(null, new string('a', 101), "1984-03-09", null), default);

        Assert.Contains("name", result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task A_continuation_token_with_an_mrn_search_is_refused_since_that_search_never_issues_one()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch("MRN-1", null, null, "token"), default);

        Assert.Contains("continuationToken", result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task A_token_from_another_search_is_a_field_error()
    {
        index.Setup(i => i.FindByNameAsync("NUNEZ", Ana.BirthDate, SearchPatients.PageSize, "other", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidContinuationTokenException());

        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), new PatientSearch(null, "Nuñez", "1984-03-09", "other"), default);

        Assert.Contains("continuationToken", result.Failure!.Errors!.Keys);
        Assert.Empty(audit.Events);
    }
}
