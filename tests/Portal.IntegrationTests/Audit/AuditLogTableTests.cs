using Portal.Azure.Audit;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Audit;

/// <summary>The audit-log adapter against Azurite: newest first, paging, tokens bound to their patient.</summary>
public class AuditLogTableTests
{
    [Fact]
    public async Task The_audit_log_reads_newest_first_in_pages_and_refuses_another_patients_token()
    {
        var tables = await TestTables.CreateAsync();
        var log = new TableAuditLog(tables);
        var patient = Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await log.AppendAsync(new AuditEvent(start.AddSeconds(i), "s", null, "self", null, patient, $"a{i}", "r", AuditOutcome.Success, null, null), default);
        }

        var first = await log.ListAsync(patient, 2, null, default);
        var second = await log.ListAsync(patient, 2, first.ContinuationToken, default);
        var third = await log.ListAsync(patient, 2, second.ContinuationToken, default);

        Assert.Equal(["a4", "a3", "a2", "a1", "a0"], first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Action));
        Assert.Null(third.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => log.ListAsync(Guid.NewGuid().ToString("N"), 2, first.ContinuationToken, default));
    }
}
