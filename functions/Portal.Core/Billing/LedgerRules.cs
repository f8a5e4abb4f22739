using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>The ledger's rules: which way each kind moves the balance, and what a staff entry must carry.</summary>
public static partial class LedgerRules
{
    /// <summary>Longest description, reason or visit id.</summary>
    public const int MaxText = 300;

    /// <summary>The signed effect of an entry of <paramref name="kind"/> for <paramref name="amount"/> (not for reversals).</summary>
    public static Money Effect(LedgerEntryKind kind, Money amount) => kind switch
    {
        LedgerEntryKind.Charge or LedgerEntryKind.Refund => amount,
        LedgerEntryKind.InsurancePayment or LedgerEntryKind.Adjustment or LedgerEntryKind.PatientPayment or LedgerEntryKind.WriteOff => -amount,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A reversal's effect comes from the entry it reverses."),
    };

    /// <summary>True for money the patient paid.</summary>
    public static bool IsPayment(LedgerEntryKind kind) => kind == LedgerEntryKind.PatientPayment;

    /// <summary>
    /// Checks a staff entry: charges need a date of service (not in the future, not before 1900), a CPT (5 digits or 4
    /// digits and a letter) or HCPCS Level II code (a letter and 4 digits) and a description; every entry needs a reason;
    /// a reversal names the entry it undoes and carries no amount.
    /// </summary>
    public static FieldErrors Validate(NewLedgerEntry entry, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.RequireText(entry.Reason, "reason", MaxText);
        errors.OptionalText(entry.Description, "description", MaxText);
        errors.OptionalText(entry.VisitId, "visitId", 100);
        if (entry.Kind == LedgerEntryKind.Reversal)
        {
            errors.Require(entry.Reverses is > 0, "reverses", "The number of the entry to reverse.");
            errors.Require(entry.Amount is null, "amount", "A reversal undoes the whole entry; send no amount.");
            return errors;
        }

        errors.Require(entry.Reverses is null, "reverses", "Only a reversal names an entry to reverse.");
        if (entry.Kind == LedgerEntryKind.Charge)
        {
            errors.RequireText(entry.Description, "description", MaxText);
            errors.Require(entry.ServiceDate is { } date && date <= today && date.Year >= 1900, "serviceDate", "The date of service, not in the future.");
            errors.Require(entry.Code is not null && ProcedureCode().IsMatch(entry.Code), "code", "A CPT code (e.g. 99213) or HCPCS code (e.g. G0008).");
        }
        else
        {
            errors.Require(entry.Code is null, "code", "Only charges carry a procedure code.");
        }

        return errors;
    }

    /// <summary>The words shown when a staff entry has no description of its own.</summary>
    public static string DefaultDescription(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.InsurancePayment => "Payment from your insurance",
        LedgerEntryKind.Adjustment => "Adjustment",
        LedgerEntryKind.PatientPayment => "Payment — thank you",
        LedgerEntryKind.Refund => "Refund to you",
        LedgerEntryKind.WriteOff => "Balance written off",
        LedgerEntryKind.Reversal => "Correction",
        _ => "Charge",
    };

    [GeneratedRegex("^([0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$")]
    private static partial Regex ProcedureCode();
}
