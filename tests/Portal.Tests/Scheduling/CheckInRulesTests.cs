using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.CheckIn;
using Portal.Core.Scheduling.Setup;
using static Portal.Tests.Scheduling.SchedulingTestData;

namespace Portal.Tests.Scheduling;

/// <summary>Check-in's window in the clinic's zone and the rules its answers follow.</summary>
public class CheckInRulesTests
{
    private static readonly QuestionnaireItem[] Questionnaire =
    [
        new("topic", "What would you like to talk about?", QuestionType.String, true),
        new("new-medicines", "Any new medicines?", QuestionType.Boolean, true),
        new("pain", "Pain from 0 to 10?", QuestionType.Integer, false),
        new("feeling", "How do you feel?", QuestionType.Choice, false, ["Better", "Worse"]),
    ];

    [Fact]
    public void Check_in_opens_at_the_same_wall_clock_time_three_days_before_across_the_end_of_daylight_saving_time()
    {
        // Monday 2 November 2026, 09:00 CST (DST ended on Sunday 1 November): opens Friday 30 October, 09:00 CDT.
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(-6));
        var opens = CheckInWindow.OpensAt(start, Chicago);

        Assert.Equal(new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.FromHours(-5)), opens);
        Assert.Equal(TimeSpan.FromHours(73), start - opens);
        var booked = Visit(start, AppointmentStatus.Booked);
        Assert.Contains("2026-10-30 at 09:00", CheckInWindow.Refusal(booked, Chicago, opens.AddMinutes(-1))!.Detail);
        Assert.Null(CheckInWindow.Refusal(booked, Chicago, opens));
        Assert.Null(CheckInWindow.Refusal(booked with { Status = AppointmentStatus.Confirmed }, Chicago, start.AddMinutes(-1)));
        Assert.Contains("closed", CheckInWindow.Refusal(booked, Chicago, start)!.Detail);
        Assert.Contains("still a request", CheckInWindow.Refusal(booked with { Status = AppointmentStatus.Requested }, Chicago, opens)!.Detail);
        Assert.Equal(FailureKind.Conflict, CheckInWindow.Refusal(booked with { Status = AppointmentStatus.Cancelled }, Chicago, opens)!.Kind);
    }

    [Fact]
    public void Answers_become_a_questionnaire_response_in_the_questionnaires_order()
    {
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var request = new CheckInRequest(true, true,
            [new("feeling", ValueString: "Better"), new("new-medicines", ValueBoolean: true), new("topic", ValueString: "  Sleep  "), new("pain", ValueInteger: 4)]);

        var response = CheckInAnswers.Read(request, Questionnaire, "p1", "follow-up", now).Value!;

        Assert.Equal(("QuestionnaireResponse", "completed", "Patient/p1", "urn:portal:visit-type:follow-up"), (response.ResourceType, response.Status, response.Subject.Reference, response.Questionnaire));
        Assert.Equal(["topic", "new-medicines", "pain", "feeling"], response.Item.Select(i => i.LinkId));
        Assert.Equal(new AnswerValue(ValueString: "Sleep"), response.Item[0].Answer[0]);
        Assert.Equal(new AnswerValue(ValueInteger: 4), response.Item[2].Answer[0]);
    }

    [Fact]
    public void Every_problem_with_the_answers_is_a_field_error()
    {
        var request = new CheckInRequest(false, false,
        [
            new("new-medicines", ValueBoolean: true, ValueString: "yes"),
            new("new-medicines", ValueBoolean: true),
            new("pain", ValueString: "4"),
            new("feeling", ValueString: "better"),
            new("unknown", ValueBoolean: true),
            new("topic", ValueString: new string('x', CheckInAnswers.MaxTextLength + 1)),
        ]);

        var failure = CheckInAnswers.Read(request, Questionnaire, "p1", "follow-up", DateTimeOffset.UnixEpoch).Failure!;

        Assert.Equal(
            ["answers[0]", "answers[1].linkId", "answers[2]", "answers[3]", "answers[4].linkId", "answers[5]", "contactConfirmed", "insuranceConfirmed"],
            failure.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["answers.new-medicines", "answers.topic"],
            CheckInAnswers.Read(new CheckInRequest(true, true, [new("pain", ValueInteger: 0)]), Questionnaire, "p1", "follow-up", DateTimeOffset.UnixEpoch).Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.True(CheckInAnswers.Read(new CheckInRequest(true, true, null), null, "p1", "plain", DateTimeOffset.UnixEpoch).Succeeded);
    }

    [Fact]
    public void A_visit_types_questionnaire_is_checked_when_the_clinic_saves_it()
    {
        var bad = VisitType() with
        {
            Questionnaire =
            [
                new("a b", "Spaces in the id", QuestionType.String, false),
                new("choice", "Too few options", QuestionType.Choice, false, ["Only"]),
                new("flag", "Options on a yes/no", QuestionType.Boolean, false, ["Yes", "No"]),
                new("flag", "", QuestionType.Integer, true),
            ],
        };

        var errors = SetupRules.Validate(bad, bad.Id, Setup([])).ToFailure()!.Errors!;

        Assert.Equal(["questionnaire", "questionnaire[0].linkId", "questionnaire[1].options", "questionnaire[2].options", "questionnaire[3].text"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.True(SetupRules.Validate(VisitType() with { Questionnaire = Questionnaire }, "follow-up", Setup([])).IsEmpty);
    }

    private static Appointment Visit(DateTimeOffset start, AppointmentStatus status) =>
        new("p1", "a1", "follow-up", "dr-chen", "lakeview", start, start.AddMinutes(30), status, "Check-up", "p1", start.AddDays(-10), null, 0, null, null, null, null, start.AddDays(-10));
}
