using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Identity;
using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;
using Portal.Core.Patients;
using Portal.LocalHost;
using Portal.LocalHost.Storage;

namespace Portal.Benchmarks.Labs;

/// <summary>
/// End-to-end lab ingestion (parse + match + ledger + archive + one chart transaction + notice + audit) against
/// Azurite, side by side with the bare SDK calls it needs (the same nine requests with rows of the same size, made
/// directly), in alternating rounds of one run; then the HTTPS push's ACK latency beside <c>GET /api/health</c> on
/// the same warm host. Figures in docs/PERFORMANCE.md.
/// </summary>
public static class IngestBenchmark
{
    private const string Facility = "05D0000777";
    private const string Authority = "BENCH-MRN";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
        var perRound = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        await using var azurite = await Azurite.StartAsync(new AzuriteOptions());
        // The throughput comparison runs the app's services without its functions (no queue listener or timer
        // competing for the two cores); the latency comparison afterwards runs the whole warm host.
        var quiet = await StartAsync(azurite, functions: false);
        var services = quiet.Services;
        var patients = await RegisterAsync(services, 20);
        var ingest = services.GetRequiredService<IngestLabMessage>();
        var lab = new Caller("bench-lab", "Benchmark lab", new HashSet<string> { AppRoles.LabPush }, false);
        var bare = new BareCalls(azurite.ConnectionString);
        await bare.InitAsync();

        var sequence = 0;
        byte[] Next() => Encoding.UTF8.GetBytes(Message($"B{Interlocked.Increment(ref sequence):D8}", patients[sequence % patients.Count]));

        // Warm up both paths.
        for (var i = 0; i < 20; i++)
        {
            await ingest.ExecuteAsync(new LabDelivery(Next(), LabReportFormat.Hl7V2, "https", lab), default);
            await bare.OneAsync(Next(), patients[i % patients.Count]);
        }

        double ingestSeconds = 0, bareSeconds = 0;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                var outcome = await ingest.ExecuteAsync(new LabDelivery(Next(), LabReportFormat.Hl7V2, "https", lab), default);
                if (!outcome.Accepted || outcome.Patients.Count != 1)
                {
                    throw new InvalidOperationException($"Not stored: {outcome.Refusal}");
                }
            }

            ingestSeconds += clock.Elapsed.TotalSeconds;
            clock.Restart();
            for (var i = 0; i < perRound; i++)
            {
                await bare.OneAsync(Next(), patients[i % patients.Count]);
            }

            bareSeconds += clock.Elapsed.TotalSeconds;
        }

        var total = rounds * perRound;
        var ingestRate = total / ingestSeconds;
        var bareRate = total / bareSeconds;
        Console.WriteLine($"ingest (use case):  {ingestRate,8:F1} messages/s  ({total} messages, {rounds} rounds)");
        Console.WriteLine($"bare SDK calls:     {bareRate,8:F1} messages/s  (the same 9 requests, rows of the same size)");
        Console.WriteLine($"ratio:              {ingestRate / bareRate,8:F2}");

        await quiet.DisposeAsync();
        await using var portal = await StartAsync(azurite, functions: true);
        await HttpLatencyAsync(portal, patients);
        return 0;
    }

    private static Task<LocalPortal> StartAsync(Azurite azurite, bool functions) => LocalPortal.StartAsync(new LocalPortalOptions
    {
        EnvironmentName = "Development",
        Urls = "http://127.0.0.1:0",
        StorageConnectionString = azurite.ConnectionString,
        FunctionAssemblies = functions ? null : [],
        Configuration = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["DevTokens:Enabled"] = "true",
            ["Labs:Senders:bench:Facility"] = Facility,
            ["Labs:Senders:bench:MrnAuthority"] = Authority,
        },
    });

    private static async Task HttpLatencyAsync(LocalPortal portal, IReadOnlyList<FoundPatient> patients)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        using var tokenResponse = await client.PostAsync("api/dev/token", new StringContent("""{"subject":"bench-lab","roles":["Lab.Push"]}""", Encoding.UTF8, "application/json"));
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        var ack = new List<double>();
        var health = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            using var push = new HttpRequestMessage(HttpMethod.Post, "api/labs/results") { Content = new StringContent(Message($"H{i:D8}-{Guid.NewGuid():N}"[..20], patients[i % patients.Count]), Encoding.UTF8) };
            push.Content.Headers.ContentType = new MediaTypeHeaderValue("x-application/hl7-v2+er7");
            push.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var clock = Stopwatch.StartNew();
            using (var response = await client.SendAsync(push))
            {
                var body = await response.Content.ReadAsStringAsync();
                if (!body.Contains("MSA|AA|", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Not accepted: {body}");
                }
            }

            var ackMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            using (await client.GetAsync("api/health"))
            {
            }

            var healthMs = clock.Elapsed.TotalMilliseconds;
            if (i >= 20)
            {
                ack.Add(ackMs);
                health.Add(healthMs);
            }
        }

        Console.WriteLine($"HTTPS ACK p50:      {Percentile(ack, 0.5),8:F2} ms  (p90 {Percentile(ack, 0.9):F2} ms, {ack.Count} pushes)");
        Console.WriteLine($"GET /api/health p50:{Percentile(health, 0.5),8:F2} ms  (p90 {Percentile(health, 0.9):F2} ms)");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    private static async Task<List<FoundPatient>> RegisterAsync(IServiceProvider services, int count)
    {
        var register = services.GetRequiredService<RegisterPatient>();
        var frontDesk = new Caller("bench-desk", "Bench desk", new HashSet<string> { AppRoles.FrontDesk }, true);
        var patients = new List<FoundPatient>();
        for (var i = 0; i < count; i++)
        {
            var mrn = $"BM-{i:D4}-{Guid.NewGuid():N}"[..20];
            var birth = new DateOnly(1950, 1, 1).AddDays(i * 97);
            var registered = await register.ExecuteAsync(frontDesk, new NewPatient("Bench", $"Patient{(char)('a' + i)}", birth, mrn, null, null), null, default);
            patients.Add(new FoundPatient(registered.Value!.PatientId, "Bench", $"Patient{(char)('a' + i)}", birth, mrn));
        }

        return patients;
    }

    /// <summary>A CBC-sized ORU^R01 (6 observations) for one patient.</summary>
    internal static string Message(string controlId, FoundPatient patient)
    {
        var sb = new StringBuilder();
        sb.Append($"MSH|^~\\&|LIS^{Facility}^CLIA|Bench Lab^{Facility}^CLIA|Portal|Clinic|20250301101500||ORU^R01^ORU_R01|{controlId}|P|2.5.1\r");
        sb.Append($"PID|1||{patient.Mrn}^^^{Authority}^MR||{patient.FamilyName}^{patient.GivenName}||{patient.BirthDate:yyyyMMdd}|F\r");
        sb.Append($"OBR|1||{controlId}^LAB|58410-2^CBC panel^LN|||20250301083000|||||||||1234^Chen^Mei||||||20250301101000|||F\r");
        string[] rows = ["6690-2^WBC^LN||6.8|10*3/uL^^UCUM|4.0-11.0|", "789-8^RBC^LN||4.4|10*6/uL^^UCUM|3.9-5.2|", "718-7^Hemoglobin^LN||13.1|g/dL^^UCUM|12.0-15.5|",
            "4544-3^Hematocrit^LN||39.8|%^^UCUM|35.5-44.9|", "787-2^MCV^LN||88|fL^^UCUM|80-100|", "777-3^Platelets^LN||262|10*3/uL^^UCUM|150-400|"];
        for (var i = 0; i < rows.Length; i++)
        {
            sb.Append($"OBX|{i + 1}|NM|{rows[i]}|||F|||20250301083000|||||||||Bench Lab^L^^^^CLIA&{Facility}&CLIA^XX^^^{Facility}\r");
        }

        return sb.ToString();
    }

    /// <summary>The nine storage requests one ingestion makes, done directly with rows of the same size.</summary>
    private sealed class BareCalls(string connectionString)
    {
        private readonly TableClient lookups = new(connectionString, "Lookups");
        private readonly TableClient charts = new(connectionString, "Charts");
        private readonly TableClient audit = new(connectionString, "AuditLog");
        private readonly BlobContainerClient archive = new(connectionString, "lab-messages");
        // Its own queue and pending partition: the same requests, but nothing for the portal's dispatcher to pick up.
        private readonly QueueClient notifications = new(connectionString, "bench-notifications");
        private readonly string resultJson = new('r', 1900);
        private readonly string observationJson = new('o', 520);

        public Task InitAsync() => notifications.CreateIfNotExistsAsync();

        public async Task OneAsync(byte[] message, FoundPatient patient)
        {
            var id = Guid.NewGuid().ToString("N");
            var pk = patient.PatientId;
            await lookups.GetEntityIfExistsAsync<TableEntity>("mrn", patient.Mrn.ToUpperInvariant());
            await lookups.AddEntityAsync(new TableEntity($"lab-message|{Facility}", id) { ["Data"] = new string('l', 600), ["Completed"] = false });
            await archive.GetBlobClient($"bare/{id}").UploadAsync(BinaryData.FromBytes(message));
            await foreach (var _ in charts.QueryAsync<TableEntity>($"PartitionKey eq '{pk}' and (RowKey eq 'labprefs' or RowKey eq 'labresult|{id}')", select: ["RowKey", "Data"]))
            {
            }

            await lookups.UpsertEntityAsync(new TableEntity("bench-notice-pending", $"{pk}|{id}") { ["PatientId"] = pk, ["NoticeId"] = id, ["Due"] = DateTimeOffset.UtcNow });
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(pk, $"labresult|{id}") { ["Data"] = resultJson, ["ListRow"] = $"labdate|{id}" }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(pk, $"labdate|{id}") { ["Data"] = resultJson, ["Released"] = true }),
                .. Enumerable.Range(1, 6).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(pk, $"labobs|{id}|001|{i:D4}") { ["Data"] = observationJson, ["Loinc"] = "718-7", ["ResultId"] = id, ["Version"] = 1 })),
                new(TableTransactionActionType.Add, new TableEntity(pk, $"bench-notice|{id}") { ["Data"] = new string('n', 250) }),
            ];
            await charts.SubmitTransactionAsync(actions);
            await audit.AddEntityAsync(new TableEntity(pk, $"{id}") { ["Action"] = "results.write", ["Resource"] = $"patients/{pk}/results", ["ActorSubject"] = "bench-lab" });
            await lookups.UpsertEntityAsync(new TableEntity($"lab-message|{Facility}", id) { ["Data"] = new string('l', 600), ["Completed"] = true });
            await notifications.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"patientId\":\"{pk}\",\"noticeId\":\"{id}\"}}")));
        }
    }
}
