using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

/// <summary>
/// The reader shares repeated codes and strings across messages through static caches; reports read on many
/// threads at once must be exactly those read one at a time.
/// </summary>
public class ConcurrentReadTests
{
    [Fact]
    public async Task Reading_the_samples_on_many_threads_gives_the_same_reports_as_reading_them_alone()
    {
        var reader = new OruR01Reader(new LabReaderOptions { SenderTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Denver") });
        var samples = LabTestData.Hl7Samples().Select(LabTestData.Hl7Text).ToArray();
        var expected = samples.Select(s => Fingerprint(reader.Read(s))).ToArray();

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var wrong = 0;
            for (var round = 0; round < 200; round++)
            {
                var i = (worker + round) % samples.Length;
                wrong += Fingerprint(reader.Read(samples[i])) == expected[i] ? 0 : 1;
            }

            return wrong;
        })));

        Assert.All(mismatches, count => Assert.Equal(0, count));
        Assert.Contains(expected, e => e.Contains("|LN|", StringComparison.Ordinal));
    }

    private static string Fingerprint(LabReadResult result) =>
        result.Report is not { } report
            ? $"refused {result.Refusal}"
            : string.Join('\n', report.Patients.SelectMany(p => p.Identifiers).Select(i => $"{i.Value}|{i.AssigningAuthority}|{i.TypeCode}")
                .Concat(report.Orders.SelectMany(o => o.Observations.Select(x =>
                    $"{o.Test.Code}|{x.Code.Code}|{x.Code.Text}|{x.Code.System}|{x.Units?.Code}|{string.Join(',', x.Values)}|{x.ReferenceRange}|{string.Join(',', x.Flags)}|{x.ObservedAt}|{x.PerformingOrganization}"))));
}
