namespace Portal.Core.Billing;

/// <summary>The clinic's billing rules (section <c>Billing</c>).</summary>
public sealed class BillingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Billing";

    /// <summary>The ISO 4217 currency every amount is kept in.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The smallest online payment (major units as text); a smaller balance may be paid in full.</summary>
    public string MinimumPayment { get; set; } = "5.00";

    /// <summary>The day of the month statements close (1 to 28), in the clinic's time zone.</summary>
    public int StatementDay { get; set; } = 1;

    /// <summary>The clinic-local hour statements close on that day (0 to 23).</summary>
    public int StatementHour { get; set; } = 6;

    /// <summary>Days from a statement to its due date.</summary>
    public int StatementDueDays { get; set; } = 21;

    /// <summary>Days a statement's pay link works.</summary>
    public int PayLinkDays { get; set; } = 30;

    /// <summary>The HMAC key (Base64, 32 bytes or more) that signs pay links; a Key Vault reference in Azure.</summary>
    public string PayLinkKey { get; set; } = "";

    /// <summary>The fewest monthly instalments a payment plan may have.</summary>
    public int PlanMinInstalments { get; set; } = 2;

    /// <summary>The most monthly instalments a payment plan may have.</summary>
    public int PlanMaxInstalments { get; set; } = 6;

    /// <summary>The self-pay fee schedule by visit type (e.g. <c>new-patient</c>), for good-faith estimates; empty: none offered.</summary>
    public Dictionary<string, VisitFee> FeeSchedule { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A self-pay visit type and what it usually includes.</summary>
public sealed class VisitFee
{
    /// <summary>The visit type as patients know it, e.g. "New patient visit".</summary>
    public string Name { get; set; } = "";

    /// <summary>The services it usually includes, with the self-pay price of each.</summary>
    public List<FeeLine> Lines { get; set; } = [];
}

/// <summary>One service of the fee schedule.</summary>
public sealed class FeeLine
{
    /// <summary>The CPT or HCPCS code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Plain words for it.</summary>
    public string Description { get; set; } = "";

    /// <summary>The self-pay price in major units as text, e.g. <c>160.00</c>.</summary>
    public string Amount { get; set; } = "";
}
