using Portal.Core.Identity;
using Portal.Core.Messaging;

namespace Portal.Tests.Messaging;

public class MessagingRulesTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private static readonly MessagePool CareTeam = new() { Id = "care-team", DisplayName = "Dr. Chen's care team", ResponseBusinessDays = 2, StaffRole = AppRoles.Clinician };

    [Theory]
    [InlineData("nope", "s", "m", "pool")]
    [InlineData("", "s", "m", "pool")]
    [InlineData("care-team", "", "m", "subject")]
    [InlineData("care-team", "s", "  ", "message")]
    public void A_new_thread_needs_a_known_pool_a_subject_and_a_message(string pool, string subject, string message, string field)
    {
        var failure = MessagingRules.ValidateNewThread(pool, pool == "care-team" ? CareTeam : null, subject, message, [CareTeam]).ToFailure();

        Assert.Equal([field], failure!.Errors!.Keys);
    }

    [Fact]
    public void Subjects_stop_at_200_characters_and_messages_at_4000()
    {
        Assert.Null(MessagingRules.ValidateNewThread("care-team", CareTeam, new string('s', 200), new string('m', 4000), [CareTeam]).ToFailure());
        var failure = MessagingRules.ValidateNewThread("care-team", CareTeam, new string('s', 201), new string('m', 4001), [CareTeam]).ToFailure();
        Assert.Equal(["message", "subject"], failure!.Errors!.Keys.Order());
    }

    [Fact]
    public void The_automatic_reply_states_the_response_time_and_the_emergency_line()
    {
        var reply = MessagingRules.AutomaticReply(CareTeam);

        Assert.Contains("We answer within 2 business days.", reply);
        Assert.EndsWith("If this is an emergency, call 911.", reply);
    }

    [Fact]
    public void The_response_target_skips_the_weekend() =>
        Assert.Equal(Friday.AddDays(4), MessagingRules.RespondBy(Friday, CareTeam));

    [Fact]
    public void The_patients_side_starts_the_wait_the_care_team_ends_it_and_any_message_reopens()
    {
        var thread = new MessageThread("p", "t", "care-team", "s", ThreadStatus.Closed, Friday, Friday, null, 2, null, new Dictionary<string, int>());

        var asked = MessagingRules.After(thread, Message(MessageAuthorKind.Caregiver, "carer", Friday.AddHours(1)));
        var askedAgain = MessagingRules.After(asked, Message(MessageAuthorKind.Patient, "pat", Friday.AddHours(2)));
        var answered = MessagingRules.After(askedAgain, Message(MessageAuthorKind.CareTeam, "dr", Friday.AddHours(3)));

        Assert.Equal((ThreadStatus.Open, Friday.AddHours(1)), (asked.Status, asked.WaitingSince));
        Assert.Equal(Friday.AddHours(1), askedAgain.WaitingSince);
        Assert.Null(answered.WaitingSince);
        Assert.Equal((5, 0, 1, 2), (answered.MessageCount, answered.UnreadFor("dr"), answered.UnreadFor("pat"), answered.UnreadFor("carer")));
        Assert.Null(InboxEntry.Of(MessagingRules.Closed(answered, Friday.AddHours(4))));
    }

    [Fact]
    public void Read_markers_never_go_back() =>
        Assert.Equal(0, new MessageThread("p", "t", "care-team", "s", ThreadStatus.Open, Friday, Friday, null, 3, null, new Dictionary<string, int> { ["pat"] = 3 })
            .SeenBy("pat", 1).UnreadFor("pat"));

    [Fact]
    public void Message_ids_sort_oldest_first() =>
        Assert.True(string.CompareOrdinal(MessagingRules.MessageId(Friday, 9), MessagingRules.MessageId(Friday.AddTicks(1), 0)) < 0);

    private static ThreadMessage Message(MessageAuthorKind kind, string subject, DateTimeOffset at) =>
        new("t", MessagingRules.MessageId(at, 0), kind, subject, subject, null, "text", at);

    [Fact]
    public void A_message_names_at_most_five_attachments_each_once()
    {
        Assert.Null(new Portal.Core.Common.FieldErrors().RequireAttachments(null).ToFailure());
        Assert.Null(new Portal.Core.Common.FieldErrors().RequireAttachments(["a", "b", "c", "d", "e"]).ToFailure());

        var six = new Portal.Core.Common.FieldErrors().RequireAttachments(["a", "b", "c", "d", "e", "f"]).ToFailure();
        var twice = new Portal.Core.Common.FieldErrors().RequireAttachments(["a", " ", "a"]).ToFailure();

        Assert.Equal(["attachments"], six!.Errors!.Keys);
        Assert.Equal(["attachments[1]", "attachments[2]"], twice!.Errors!.Keys.Order());
    }

    [Fact]
    public void An_upload_expires_a_day_after_it_was_made_and_lives_under_the_patients_folder()
    {
        var upload = new Attachment("pat-1", "att-1", "a.pdf", "application/pdf", 10, "ana", "Ana", Friday);

        Assert.Equal(Friday.AddDays(1), upload.ExpiresAt);
        Assert.Equal(new Portal.Core.Files.FileLocation("attachments", "pat-1/att-1"), upload.Location);
        Assert.Equal("t-1", upload.SentWith(new ThreadMessage("t-1", "m-1", MessageAuthorKind.Patient, "ana", "Ana", null, "x", Friday)).ThreadId);
    }
}
