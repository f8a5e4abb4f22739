using Portal.Core.Common;
using Portal.Core.Record;
using Portal.Core.Record.Amendments;

namespace Portal.Tests.Record;

/// <summary>The right to amend's deadlines and the steps a request may take.</summary>
public class AmendmentRulesTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static AmendmentRequest Open() => AmendmentRules.Received(
        "pat-1", AmendmentRules.NewRequestId(Received), null, new NewAmendmentRequest(" Wrong year. ", "2011"), "person-1", "Pat Person", null, Received, confidential: false);

    [Fact]
    public void A_request_is_due_60_days_after_receipt_and_overdue_only_after_that()
    {
        var request = Open();

        Assert.Equal((Received.AddDays(60), AmendmentState.Received, "Wrong year."), (request.DueAt, request.State, request.WhatIsWrong));
        Assert.False(AmendmentRules.IsOverdue(request, Received.AddDays(60)));
        Assert.True(AmendmentRules.IsOverdue(request, Received.AddDays(60).AddTicks(1)));
    }

    [Fact]
    public void The_deadline_is_extended_once_by_30_days_with_a_reason_before_it_passes()
    {
        var extended = AmendmentRules.Extend(Open(), " Waiting for records. ", Received.AddDays(59), "dr", "Dr. Chen");

        Assert.Equal((Received.AddDays(90), Received.AddDays(60), "Waiting for records."),
            (extended.Value!.DueAt, extended.Value.Extension!.PreviousDueAt, extended.Value.Extension.Reason));
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Extend(extended.Value, "Again.", Received.AddDays(60), "dr", "Dr. Chen").Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Extend(Open(), "Late.", Received.AddDays(61), "dr", "Dr. Chen").Failure!.Kind);
        Assert.Equal(FailureKind.Validation, AmendmentRules.Extend(Open(), " ", Received, "dr", "Dr. Chen").Failure!.Kind);
    }

    [Fact]
    public void A_decided_request_takes_no_other_decision_and_a_statement_answers_only_a_denial_once()
    {
        var texts = DenialTexts.From(new AmendmentOptions(), "+13125550100");
        var denied = AmendmentRules.Deny(Open(), new AmendmentDenialRequest(DenialGround.NotCreatedByClinic, "Another hospital wrote it."), texts, Received, "dr", "Dr. Chen").Value!;
        var accepted = AmendmentRules.Accept(Open(), "Done.", 2, Received, "dr", "Dr. Chen").Value!;

        Assert.Equal(FailureKind.Conflict, AmendmentRules.Accept(denied, null, null, Received, "dr", "Dr. Chen").Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Deny(accepted, new AmendmentDenialRequest(DenialGround.AccurateAndComplete, "x"), texts, Received, "dr", "Dr. Chen").Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Extend(denied, "x", Received, "dr", "Dr. Chen").Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Disagree(accepted, "No.", Received, "p", "P", null).Failure!.Kind);
        var disagreed = AmendmentRules.Disagree(denied, "It was my own doctor.", Received, "p", "P", null).Value!;
        Assert.Equal("It was my own doctor.", disagreed.Disagreement!.Statement);
        Assert.Equal(FailureKind.Conflict, AmendmentRules.Disagree(disagreed, "Again.", Received, "p", "P", null).Failure!.Kind);
        Assert.Equal(FailureKind.Validation, AmendmentRules.Disagree(denied, new string('x', AmendmentRules.MaxText + 1), Received, "p", "P", null).Failure!.Kind);
    }

    [Fact]
    public void A_denial_carries_the_basis_and_the_clinics_texts_with_the_contact_filled_in()
    {
        var texts = DenialTexts.From(new AmendmentOptions { ContactTitle = "Privacy Officer", ContactPhone = "" }, "+1 312 555 0100");
        var denial = AmendmentRules.Deny(Open(), new AmendmentDenialRequest(DenialGround.AccurateAndComplete, " The lab confirmed it. "), texts, Received, "dr", "Dr. Chen").Value!.Denial!;

        Assert.Equal("The lab confirmed it.", denial.Basis);
        Assert.Contains("statement of disagreement", denial.DisagreementRights);
        Assert.Contains("our Privacy Officer.", denial.DisagreementRights);
        Assert.Contains("request and this denial with any future disclosure", denial.FutureDisclosures);
        Assert.Contains("our Privacy Officer at +1 312 555 0100.", denial.Complaints);
        Assert.Contains("1-800-368-1019", denial.Complaints);
        Assert.DoesNotContain("{", denial.Complaints + denial.DisagreementRights);
    }

    [Theory]
    [InlineData("allergies", null, "itemId")]
    [InlineData("labs", "0000000000000000001-0123456789abcdef0123456789abcdef", "section")]
    [InlineData(null, "bad", "itemId")]
    public void A_request_names_an_item_by_section_and_id_or_neither(string? section, string? itemId, string field)
    {
        var (errors, _) = AmendmentRules.Validate(new NewAmendmentRequest("a", "b", section, itemId));

        Assert.Contains(field, errors.ToFailure()!.Errors!.Keys);
    }

    [Fact]
    public void A_request_about_an_item_knows_its_section()
    {
        var (errors, section) = AmendmentRules.Validate(new NewAmendmentRequest("a", "b", "care-plans", "0000000000000000001-0123456789abcdef0123456789abcdef"));

        Assert.True(errors.IsEmpty);
        Assert.Equal(RecordSection.CarePlans, section);
    }
}
