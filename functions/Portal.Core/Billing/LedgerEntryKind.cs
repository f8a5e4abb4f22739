namespace Portal.Core.Billing;

/// <summary>What a ledger entry records; the kind fixes which way it moves the balance.</summary>
public enum LedgerEntryKind
{
    /// <summary>A service billed to the patient (date of service, CPT/HCPCS code): raises the balance.</summary>
    Charge,

    /// <summary>What an insurer paid: lowers the balance.</summary>
    InsurancePayment,

    /// <summary>A contractual or courtesy adjustment: lowers the balance.</summary>
    Adjustment,

    /// <summary>What the patient (or someone for them) paid: lowers the balance.</summary>
    PatientPayment,

    /// <summary>Money given back to the patient: raises the balance (uses up a credit).</summary>
    Refund,

    /// <summary>A balance the clinic gives up collecting: lowers the balance.</summary>
    WriteOff,

    /// <summary>Undoes one earlier entry exactly, for corrections: entries are never edited or deleted.</summary>
    Reversal,
}
