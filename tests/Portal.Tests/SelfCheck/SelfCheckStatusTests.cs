using Portal.Core.Labs.Results;
using Portal.Core.SelfCheck;
using static Portal.Tests.SelfCheck.SelfCheckFactsBuilder;

namespace Portal.Tests.SelfCheck;

/// <summary>Each answer's status at its boundaries, from seeded histories at a fixed time.</summary>
public class SelfCheckStatusTests
{
    private static decimal Number(SelfCheckAnswer answer, string name) => answer.Numbers.Single(n => n.Name == name).Value!.Value;

    [Theory]
    [InlineData(8, 2, SelfCheckStatus.Good)] // 80 %
    [InlineData(7, 3, SelfCheckStatus.CouldBeBetter)] // 70 %
    [InlineData(5, 5, SelfCheckStatus.CouldBeBetter)] // 50 %
    [InlineData(4, 6, SelfCheckStatus.NeedsAttention)] // 40 %
    public void Reviewing_grades_the_share_opened_within_7_days(int soon, int late, SelfCheckStatus expected)
    {
        var results = Enumerable.Range(0, soon).Select(i => Result($"s{i}", Now.AddDays(-30 - i), Now.AddDays(-30 - i).AddDays(7)))
            .Concat(Enumerable.Range(0, late).Select(i => Result($"l{i}", Now.AddDays(-60 - i), Now.AddDays(-60 - i).AddDays(7).AddSeconds(1))))
            .ToList();
        var answer = ReviewingAnswer.Of(Empty() with { Results = results }, Patient());
        Assert.Equal((expected, (decimal)soon * 10), (answer.Status, Number(answer, "percentWithin7Days")));
    }

    [Fact]
    public void Reviewing_is_never_good_while_an_item_stays_unopened_past_7_days_and_lists_it()
    {
        var results = Enumerable.Range(0, 9).Select(i => Result($"s{i}", Now.AddDays(-20), Now.AddDays(-19))).Append(Result("open", Now.AddDays(-8), null)).ToList();
        var answer = ReviewingAnswer.Of(Empty() with { Results = results }, Patient());
        Assert.Equal(SelfCheckStatus.CouldBeBetter, answer.Status);
        Assert.Equal(("result", "open", "/results/open"), (answer.Items.Single().Kind, answer.Items.Single().Id, answer.Link));

        var fresh = ReviewingAnswer.Of(Empty() with { Results = [.. results.Take(9), Result("open", Now.AddDays(-6), null)] }, Patient());
        Assert.Equal(SelfCheckStatus.Good, fresh.Status);
    }

    [Fact]
    public void Reviewing_counts_visit_review_marks_of_the_patient_only()
    {
        var facts = Empty() with
        {
            Visits = [new PostedVisit("v1", Now.AddDays(-40), false), new PostedVisit("v2", Now.AddDays(-300), false)],
            Marks = Empty().Marks with { Reviewed = [new VisitReview("someone-else", "v1", Now.AddDays(-39)), new VisitReview("pat", "v1", Now.AddDays(-20))] },
        };
        var answer = ReviewingAnswer.Of(facts, Patient());
        // Opened 20 days after it was posted (someone else's earlier look does not count): reviewed, but not soon.
        Assert.Equal((1m, 0m, 0m), (Number(answer, "posted"), Number(answer, "reviewedWithin7Days"), Number(answer, "notReviewed")));
        Assert.Equal(SelfCheckStatus.NeedsAttention, answer.Status);
    }

    [Fact]
    public void Messaging_nudges_when_a_flagged_result_had_no_question_within_14_days()
    {
        var flagged = Result("r1", Now.AddDays(-50), Now.AddDays(-49), ResultFlag.High);
        Assert.Equal(SelfCheckStatus.Good, MessagingAnswer.Of(Empty() with { Results = [flagged], Threads = [Thread(Now.AddDays(-36))] }, Patient()).Status);
        Assert.Equal(SelfCheckStatus.CouldBeBetter, MessagingAnswer.Of(Empty() with { Results = [flagged], Threads = [Thread(Now.AddDays(-35).AddSeconds(1))] }, Patient()).Status);
        var none = MessagingAnswer.Of(Empty() with { Results = [flagged] }, Patient());
        Assert.Equal((SelfCheckStatus.NeedsAttention, "r1"), (none.Status, none.Items.Single().Id));
        Assert.Equal(SelfCheckStatus.Good, MessagingAnswer.Of(Empty(), Patient()).Status);
    }

    [Theory]
    [InlineData(0, SelfCheckStatus.Good)]
    [InlineData(1, SelfCheckStatus.CouldBeBetter)]
    [InlineData(2, SelfCheckStatus.CouldBeBetter)]
    [InlineData(3, SelfCheckStatus.NeedsAttention)]
    [InlineData(4, SelfCheckStatus.NeedsAttention)]
    public void Accuracy_counts_sections_not_confirmed_in_12_months(int stale, SelfCheckStatus expected)
    {
        var fresh = Now.AddMonths(-12);
        var old = fresh.AddSeconds(-1);
        var dates = Enumerable.Range(0, 4).Select(i => (DateTimeOffset?)(i < stale ? old : fresh)).ToList();
        var answer = AccuracyAnswer.Of(Empty() with { Confirmations = new SectionConfirmations(dates[0], dates[1], dates[2], dates[3]) }, Patient());
        Assert.Equal((expected, (decimal)stale), (answer.Status, Number(answer, "staleSections")));
        Assert.Equal(SelfCheckStatus.NeedsAttention, AccuracyAnswer.Of(Empty(), Patient()).Status);
    }

    [Fact]
    public void Accuracy_is_not_good_while_side_effects_are_unshared()
    {
        var now = new SectionConfirmations(Now, Now, Now, Now);
        Assert.Equal(SelfCheckStatus.CouldBeBetter, AccuracyAnswer.Of(Empty() with { Confirmations = now, UnsharedSideEffects = 1 }, Patient()).Status);
    }

    [Fact]
    public void Logging_in_is_good_with_activity_in_every_30_day_period_and_no_gap_over_31_days()
    {
        // Every 31st day from today back: six periods, gaps of 30 days.
        var days = Enumerable.Range(0, 6).Select(i => Seen(Now.AddDays(-31 * i))).ToList();
        var good = LoggingInAnswer.Of(Empty() with { Accesses = days }, Patient());
        Assert.Equal((SelfCheckStatus.Good, 6m, 30m), (good.Status, Number(good, "activeMonths"), Number(good, "longestGapDays")));

        // Every 33rd day: one period has no visit, gaps of 32.
        var sparse = LoggingInAnswer.Of(Empty() with { Accesses = [.. Enumerable.Range(0, 6).Select(i => Seen(Now.AddDays(-33 * i)))] }, Patient());
        Assert.Equal(SelfCheckStatus.CouldBeBetter, sparse.Status);

        var once = LoggingInAnswer.Of(Empty() with { Accesses = [Seen(Now.AddDays(-100))] }, Patient());
        Assert.Equal((SelfCheckStatus.NeedsAttention, 100m), (once.Status, Number(once, "longestGapDays")));

        // A caregiver's visits and staff reads are not the patient's habit.
        var others = LoggingInAnswer.Of(Empty() with { Accesses = [Seen(Now, actingAs: "proxy", subject: "cg")] }, Patient());
        Assert.Equal(0m, Number(others, "activeDays"));
    }

    [Fact]
    public void Security_needs_attention_below_half_mfa_days_and_is_good_only_with_mfa_every_day_a_log_review_and_ended_grants()
    {
        var mixed = new[] { Seen(Now, mfa: true), Seen(Now.AddDays(-1), mfa: false), Seen(Now.AddDays(-2), mfa: false) };
        Assert.Equal(SelfCheckStatus.NeedsAttention, SecurityAnswer.Of(Empty() with { Accesses = mixed }, Patient()).Status);
        var half = new[] { Seen(Now, mfa: true), Seen(Now.AddDays(-1), mfa: false) };
        Assert.Equal(SelfCheckStatus.CouldBeBetter, SecurityAnswer.Of(Empty() with { Accesses = half }, Patient()).Status);

        var secure = new[] { Seen(Now, mfa: true), Seen(Now.AddDays(-3), "accesslog.read", "patients/p/access-log") };
        Assert.Equal(SelfCheckStatus.Good, SecurityAnswer.Of(Empty() with { Accesses = secure, Grants = [Grant(Now.AddDays(30))] }, Patient()).Status);
        var openEnded = SecurityAnswer.Of(Empty() with { Accesses = secure, Grants = [Grant(null)] }, Patient());
        Assert.Equal((SelfCheckStatus.CouldBeBetter, 1m), (openEnded.Status, Number(openEnded, "caregiversWithoutEnd")));
        Assert.Equal(SelfCheckStatus.CouldBeBetter, SecurityAnswer.Of(Empty() with { Accesses = [Seen(Now)] }, Patient()).Status);
    }

    [Fact]
    public void Exploring_lists_sections_never_opened_and_grades_by_how_many()
    {
        string[] all = ["records.read", "results.read", "messages.read", "appointments.read", "billing.read", "profile.read", "accesslog.read"];
        var events = all.Select(a => Seen(Now.AddDays(-1), a, "patients/p/x")).Append(Seen(Now, "records.write", "patients/p/journal")).ToList();
        Assert.Equal(SelfCheckStatus.Good, ExploringAnswer.Of(Empty() with { Accesses = events }, Patient()).Status);
        var two = ExploringAnswer.Of(Empty() with { Accesses = [.. events.Skip(2)] }, Patient());
        Assert.Equal(SelfCheckStatus.CouldBeBetter, two.Status);
        Assert.Equal(["record", "results"], two.Items.Select(i => i.Id));
        Assert.Equal(SelfCheckStatus.NeedsAttention, ExploringAnswer.Of(Empty() with { Accesses = [.. events.Skip(3)] }, Patient()).Status);

        // The self-check itself is not a visit to the record.
        Assert.Null(ExploringAnswer.SectionOf(Seen(Now, "records.read", "patients/p/self-check")));
    }

    [Fact]
    public void Texts_are_in_Spanish_when_asked()
    {
        var answer = LoggingInAnswer.Of(Empty(), Patient(spanish: true));
        Assert.StartsWith("¿Entra al portal", answer.Question);
        Assert.Contains("Usó el portal 0 días", answer.Summary);
    }
}
