using Portal.Core.Access;
using Portal.Core.Record;

namespace Portal.Tests.Record;

/// <summary>The record's pure rules: tallies, who sees confidential items, document bytes.</summary>
public class RecordRulesTests
{
    private static RecordTallies After(RecordTallies tallies, params RecordChange[] changes) => RecordTallyRules.After(tallies, changes);

    [Fact]
    public void Tallies_count_active_and_total_and_every_change_and_leave_confidential_items_out_of_the_shared_ones()
    {
        var shared = RecordItems.Item(RecordItems.Penicillin());
        var secret = RecordItems.Item(RecordItems.Lisinopril(), confidential: true);

        var tallies = After(RecordTallies.Empty, new RecordChange(null, null, shared), new RecordChange(null, null, secret));
        var resolved = shared.Revise(RecordItems.Penicillin(AllergyClinicalStatus.Resolved), null, false, null, RecordItems.At, "dr", null, null);
        tallies = After(tallies, new RecordChange(shared, "e", resolved));

        Assert.Equal(new SectionTally(0, 1, 2, RecordItems.At), tallies.All[RecordSection.Allergies]);
        Assert.Equal(new SectionTally(1, 1, 1, RecordItems.At), tallies.All[RecordSection.Medications]);
        Assert.Equal(tallies.All[RecordSection.Allergies], tallies.Shared[RecordSection.Allergies]);
        Assert.False(tallies.Shared.ContainsKey(RecordSection.Medications));
    }

    [Fact]
    public void An_item_made_confidential_leaves_the_shared_tallies()
    {
        var item = RecordItems.Item(RecordItems.Penicillin());
        var tallies = After(RecordTallies.Empty, new RecordChange(null, null, item));

        tallies = After(tallies, new RecordChange(item, "e", item.Revise(item.Content, null, confidential: true, null, RecordItems.At, "dr", null, null)));

        Assert.Equal((0, 0), (tallies.Shared[RecordSection.Allergies].Active, tallies.Shared[RecordSection.Allergies].Total));
        Assert.Equal((1, 1), (tallies.All[RecordSection.Allergies].Active, tallies.All[RecordSection.Allergies].Total));
    }

    [Fact]
    public void The_last_visit_is_the_latest_active_one_and_a_voided_last_visit_is_forgotten()
    {
        var earlier = RecordItems.Item(RecordItems.OfficeVisit("2026-01-05T09:00:00-06:00"));
        var later = RecordItems.Item(RecordItems.OfficeVisit("2026-02-27T09:30:00-06:00"));

        var tallies = After(RecordTallies.Empty, new RecordChange(null, null, later), new RecordChange(null, null, earlier));
        Assert.Equal(later.ItemId, tallies.LastVisit!.VisitId);
        Assert.Equal(later.ItemId, tallies.LastSharedVisit!.VisitId);

        tallies = After(tallies, new RecordChange(later, "e", later.Revise(later.Content, RecordStatus.EnteredInError, false, null, RecordItems.At, "dr", null, "Wrong patient")));
        Assert.Null(tallies.LastVisit);
    }

    [Fact]
    public void Unseen_is_what_changed_since_the_caller_looked()
    {
        var tally = new SectionTally(3, 4, 7, RecordItems.At);
        var marks = new CallerMarks(new Dictionary<RecordSection, long> { [RecordSection.Vitals] = 5 }, new HashSet<string>());

        Assert.Equal(2, RecordTallyRules.Unseen(tally, marks, RecordSection.Vitals));
        Assert.Equal(7, RecordTallyRules.Unseen(tally, marks, RecordSection.Allergies));
    }

    [Fact]
    public void Caregivers_never_see_confidential_items_the_patient_and_staff_do()
    {
        var caller = Callers.Person();
        var self = new ChartVisit(caller, "pat-1", "records.read", "r", "self", null);
        var proxy = new ChartVisit(caller, "pat-1", "records.read", "r", "proxy", "pat-1");
        var staff = new ChartVisit(Callers.Staff("Clinician"), "pat-1", "records.read", "r", "Clinician", null);
        var secret = RecordItems.Item(RecordItems.Penicillin(), confidential: true);
        var open = RecordItems.Item(RecordItems.Lisinopril());

        Assert.Equal([secret, open], RecordVisibility.Visible(self, [secret, open]));
        Assert.Equal([secret, open], RecordVisibility.Visible(staff, [secret, open]));
        Assert.Equal([open], RecordVisibility.Visible(proxy, [secret, open]));
    }

    [Theory]
    [InlineData("application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, true)]
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData("image/jpeg", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, false)]
    [InlineData("application/pdf; charset=binary", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, false)]
    [InlineData("text/plain", new byte[] { 0x48, 0x69 }, true)]
    [InlineData("text/plain", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, false)]
    public void A_document_is_what_its_bytes_say(string contentType, byte[] bytes, bool matches) =>
        Assert.Equal(matches, DocumentTypes.Matches(contentType, bytes));
}
