using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Labs.Ingestion;
using Portal.Core.Labs.Results;
using Portal.Core.Notifications;
using Portal.Core.Patients;

namespace Portal.Tests.Labs;

/// <summary>A real <see cref="IngestLabMessage"/> over mocked ports: the ledger, the archive, the charts and the index.</summary>
internal sealed class LabIngestionFixture
{
    public Mock<ILabMessages> Messages { get; } = new();

    public Mock<IUnmatchedResults> Unmatched { get; } = new();

    public Mock<ILabResults> Results { get; } = new();

    public Mock<IPatientIndex> Index { get; } = new();

    public FixedClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public IngestLabMessage Create()
    {
        var labs = Options.Create(new LabsOptions
        {
            Senders = { ["lab"] = new LabSender { Facility = "05D0000001", MrnAuthority = "CLINIC-MRN" } },
        });
        var senders = new LabSenders(labs, Options.Create(new ClinicOptions()));
        var charts = new LabChartWriter(Results.Object, Mock.Of<INoticeQueue>(), Clock, NullLogger<LabChartWriter>.Instance);
        var access = new ChartAccess(Mock.Of<IPatientLinks>(), new RecordingAuditLog(), Clock);
        return new IngestLabMessage(new LabMessageReader(senders), senders, new PatientMatcher(Index.Object), Messages.Object, Unmatched.Object, charts, access, Clock, NullLogger<IngestLabMessage>.Instance);
    }

    /// <summary>A minimal ORU^R01 from the configured lab for an unknown patient.</summary>
    public static string Oru(string controlId) =>
        $"MSH|^~\\&|LabSys|Lab^05D0000001^CLIA|Portal|Clinic|20250301101500||ORU^R01|{controlId}|P|2.5.1\r" +
        "PID|1||M123^^^CLINIC-MRN^MR||Doe^Jane||19800101|F\r" +
        "OBR|1||ORD1^LAB|4548-4^Hemoglobin A1c^LN|||20250301083000||||||||||||||||||F\r" +
        "OBX|1|NM|4548-4^Hemoglobin A1c^LN||6.1|%^^UCUM|4.0-5.6|H|||F\r";
}
