using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Record.Amendments;

/// <summary>The right-to-amend rules: what a request must say, its deadlines, and which changes a request may go through.</summary>
public static class AmendmentRules
{
    /// <summary>The answer is due this long after receipt (164.526(b)(2)).</summary>
    public static readonly TimeSpan ResponseTime = TimeSpan.FromDays(60);

    /// <summary>The one extension adds this much.</summary>
    public static readonly TimeSpan ExtensionTime = TimeSpan.FromDays(30);

    /// <summary>The longest request texts, denial basis, acceptance note and statement of disagreement.</summary>
    public const int MaxText = 2000;

    /// <summary>The longest "also inform" list and extension reason.</summary>
    public const int MaxShortText = 500;

    /// <summary>A request's id: inverted ticks of its receipt (newest first) and a random part.</summary>
    public static string NewRequestId(DateTimeOffset receivedAt) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>True for text shaped like a request id (checked before it is used as a key).</summary>
    public static bool IsRequestId(string? requestId) => RecordItemIds.IsValid(requestId);

    /// <summary>The field errors of a new request, and the section it names (when it names one).</summary>
    public static (FieldErrors Errors, RecordSection? Section) Validate(NewAmendmentRequest request)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.WhatIsWrong, "whatIsWrong", MaxText);
        errors.RequireText(request.ShouldSay, "shouldSay", MaxText);
        errors.OptionalText(request.AlsoInform, "alsoInform", MaxShortText);
        RecordSection? section = null;
        if (request.Section is not null || request.ItemId is not null)
        {
            if (RecordSections.TryParse(request.Section, out var parsed))
            {
                section = parsed;
            }
            else
            {
                errors.Add("section", $"One of: {RecordSections.Listed} (with itemId), or neither for the record in general.");
            }

            errors.Require(RecordItemIds.IsValid(request.ItemId), "itemId", "An item's id from the record (with section), or neither for the record in general.");
        }

        return (errors, section);
    }

    /// <summary>The request as received now, due <see cref="ResponseTime"/> later.</summary>
    public static AmendmentRequest Received(
        string patientId, string requestId, AmendmentTarget? target, NewAmendmentRequest request, string by, string byName, string? onBehalfOf, DateTimeOffset now, bool confidential) =>
        new(patientId, requestId, target, request.WhatIsWrong.Trim(), request.ShouldSay.Trim(), Blank(request.AlsoInform), by, byName, onBehalfOf,
            now, now + ResponseTime, AmendmentState.Received, null, null, null, null, confidential);

    /// <summary>True when the answer is late.</summary>
    public static bool IsOverdue(AmendmentRequest request, DateTimeOffset now) => request.State == AmendmentState.Received && now > request.DueAt;

    /// <summary>The request extended by 30 days; 409 unless it is open, not yet extended and not yet due; 400 without a reason.</summary>
    public static Result<AmendmentRequest> Extend(AmendmentRequest request, string? reason, DateTimeOffset now, string by, string byName)
    {
        if (Closed(request) is { } closed)
        {
            return closed;
        }

        if (request.Extension is not null)
        {
            return new Failure(FailureKind.Conflict, "The deadline was extended once already; the rule allows one extension.");
        }

        if (now > request.DueAt)
        {
            return new Failure(FailureKind.Conflict, "The deadline has passed: an extension must be given before it.");
        }

        var errors = new FieldErrors();
        errors.RequireText(reason, "reason", MaxShortText);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return request with
        {
            DueAt = request.DueAt + ExtensionTime,
            Extension = new AmendmentExtension(reason!.Trim(), request.DueAt, now, by, byName),
        };
    }

    /// <summary>The request accepted; 409 unless it is open.</summary>
    public static Result<AmendmentRequest> Accept(AmendmentRequest request, string? note, int? correctedVersion, DateTimeOffset now, string by, string byName) =>
        Closed(request) is { } closed
            ? closed
            : request with { State = AmendmentState.Accepted, Acceptance = new AmendmentAcceptance(Blank(note), correctedVersion, now, by, byName) };

    /// <summary>The request denied with the clinic's required texts; 409 unless it is open; 400 without a basis.</summary>
    public static Result<AmendmentRequest> Deny(
        AmendmentRequest request, AmendmentDenialRequest denial, DenialTexts texts, DateTimeOffset now, string by, string byName)
    {
        if (Closed(request) is { } closed)
        {
            return closed;
        }

        var errors = new FieldErrors();
        errors.RequireText(denial.Basis, "basis", MaxText);
        errors.Require(Enum.IsDefined(denial.Ground), "ground", "One of the rule's grounds.");
        return errors.ToFailure() is { } invalid
            ? invalid
            : request with
            {
                State = AmendmentState.Denied,
                Denial = new AmendmentDenial(denial.Ground, denial.Basis.Trim(), texts.DisagreementRights, texts.FutureDisclosures, texts.Complaints, now, by, byName),
            };
    }

    /// <summary>The statement of disagreement attached; 409 unless the request was denied and has none yet; 400 without text.</summary>
    public static Result<AmendmentRequest> Disagree(AmendmentRequest request, string? statement, DateTimeOffset now, string by, string byName, string? onBehalfOf)
    {
        if (request.State != AmendmentState.Denied)
        {
            return new Failure(FailureKind.Conflict, "A statement of disagreement answers a denial; this request was not denied.");
        }

        if (request.Disagreement is not null)
        {
            return new Failure(FailureKind.Conflict, "A statement of disagreement was filed already.");
        }

        var errors = new FieldErrors();
        errors.RequireText(statement, "statement", MaxText);
        return errors.ToFailure() is { } invalid
            ? invalid
            : request with { Disagreement = new DisagreementStatement(statement!.Trim(), now, by, byName, onBehalfOf) };
    }

    private static Failure? Closed(AmendmentRequest request) => request.State == AmendmentState.Received
        ? null
        : new Failure(FailureKind.Conflict, $"The request was {request.State.ToString().ToLowerInvariant()} already.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The clinic's required texts of a denial, with the contact filled in.</summary>
/// <param name="DisagreementRights">The right to disagree and how.</param>
/// <param name="FutureDisclosures">That the request and denial may accompany future disclosures.</param>
/// <param name="Complaints">How to complain, to whom.</param>
public sealed record DenialTexts(string DisagreementRights, string FutureDisclosures, string Complaints)
{
    /// <summary>The texts of the options, with <c>{contact}</c> and <c>{phone}</c> filled in.</summary>
    public static DenialTexts From(AmendmentOptions options, string clinicPhone)
    {
        var phone = options.ContactPhone is { Length: > 0 } own ? own : clinicPhone;
        string Fill(string text) => text
            .Replace("{contact}", options.ContactTitle, StringComparison.Ordinal)
            .Replace("{phone}", phone.Length > 0 ? $" at {phone}" : "", StringComparison.Ordinal);
        return new DenialTexts(Fill(options.DisagreementRights), Fill(options.FutureDisclosures), Fill(options.Complaints));
    }
}
