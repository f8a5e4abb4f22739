using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>What a claim must carry, and the plain-language explanation of benefits a patient reads.</summary>
public static partial class ClaimRules
{
    /// <summary>Checks an entered or imported claim and reads its amounts; field errors under <paramref name="prefix"/>.</summary>
    public static Result<InsuranceClaim> Read(string patientId, string claimId, ClaimUpdate update, string currency, DateTimeOffset now, string by, DateOnly today, string prefix = "")
    {
        var errors = new FieldErrors();
        errors.Require(ClaimNumber().IsMatch(claimId), prefix + "claimId", "1 to 40 letters, digits, '-' or '_'.");
        errors.RequireText(update.VisitId, prefix + "visitId", 100);
        errors.RequireText(update.Payer, prefix + "payer", 100);
        errors.OptionalText(update.MemberId, prefix + "memberId", 40);
        errors.OptionalText(update.DenialReason, prefix + "denialReason", LedgerRules.MaxText);
        errors.Require(update.ServiceDate <= today && update.ServiceDate.Year >= 1900, prefix + "serviceDate", "The date of service, not in the future.");
        errors.Require(update.Status != ClaimStatus.Denied || !string.IsNullOrWhiteSpace(update.DenialReason), prefix + "denialReason", "Say why the insurer denied it.");
        var submitted = Amount(update.Submitted, "submitted", required: true);
        var allowed = Amount(update.Allowed, "allowed");
        var paid = Amount(update.Paid, "paid");
        var adjusted = Amount(update.Adjusted, "adjusted");
        var patient = Amount(update.PatientResponsibility, "patientResponsibility");
        if (update.Status is ClaimStatus.Paid or ClaimStatus.PatientResponsibility)
        {
            errors.Require(allowed is not null, prefix + "allowed", "What the insurer allowed, once it decided.");
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return new InsuranceClaim(patientId, claimId, update.VisitId.Trim(), update.ServiceDate, update.Payer.Trim(), update.MemberId?.Trim(), submitted!.Value, update.Status,
            update.DenialReason?.Trim(), allowed, paid, adjusted, patient, now, by);

        Money? Amount(string? text, string field, bool required = false)
        {
            if (text is null && !required)
            {
                return null;
            }

            // Zero is a real answer from an insurer ("paid nothing"), so it is allowed here.
            if (text is "0" or "0.00" or "0.0")
            {
                return Money.Zero(currency);
            }

            var parsed = Money.Parse(text, currency, prefix + field);
            if (!parsed.Succeeded)
            {
                errors.Add(prefix + field, parsed.Failure.Errors!.Values.First()[0]);
                return null;
            }

            return parsed.Value;
        }
    }

    /// <summary>The explanation of benefits in plain words, for the patient.</summary>
    public static string Explain(InsuranceClaim claim) => claim.Status switch
    {
        ClaimStatus.Submitted => $"We sent a claim of {claim.Submitted} to {claim.Payer} for your visit on {Day(claim.ServiceDate)}. We will update this when they answer.",
        ClaimStatus.InReview => $"{claim.Payer} is reviewing our claim of {claim.Submitted} for your visit on {Day(claim.ServiceDate)}.",
        ClaimStatus.Denied => $"{claim.Payer} denied our claim of {claim.Submitted} for your visit on {Day(claim.ServiceDate)}: {claim.DenialReason}. Our billing office will contact you or the insurer; you can write to them from the portal.",
        _ => $"We billed {claim.Payer} {claim.Submitted} for your visit on {Day(claim.ServiceDate)}. "
            + $"Their agreed price for it is {claim.Allowed}"
            + (claim.Adjusted is { IsPositive: true } adjusted ? $", so the clinic took {adjusted} off the bill" : "")
            + (claim.Paid is { } paid ? $". {claim.Payer} paid {paid}" : "")
            + (claim.PatientResponsibility is { } share ? $". Your share is {share} (deductible, copay or coinsurance)." : "."),
    };

    private static string Day(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ClaimNumber();
}
