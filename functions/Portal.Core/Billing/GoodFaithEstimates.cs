using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: good-faith estimates for self-pay (uninsured or not using insurance) visits from the clinic's fee
/// schedule, with the notice the No Surprises Act asks for. Reads no patient data.
/// </summary>
public sealed class GoodFaithEstimates(IOptions<BillingOptions> billing)
{
    /// <summary>The patient's rights, shown with every estimate.</summary>
    public const string Notice =
        "You have the right to receive a Good Faith Estimate of the total expected cost of care if you do not have insurance or are not using it. "
        + "If you are billed at least $400 more than this estimate, you can dispute the bill. Ask the billing office for a written estimate before your visit.";

    /// <summary>Every self-pay visit type with its services and total; any signed-in person may ask.</summary>
    public Result<VisitEstimate[]> List(Caller caller)
    {
        _ = caller;
        var currency = billing.Value.Currency;
        return billing.Value.FeeSchedule
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v =>
            {
                var lines = v.Value.Lines.Select(l => new EstimateLine(l.Code, l.Description, Money.Parse(l.Amount, currency).Value)).ToArray();
                return new VisitEstimate(v.Key, v.Value.Name, lines, lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Amount));
            })
            .ToArray();
    }

    /// <summary>True when every price of the schedule reads as an amount (checked at start-up).</summary>
    public static bool IsValid(BillingOptions options) =>
        options.FeeSchedule.Values.All(v => v.Name.Length > 0 && v.Lines.Count > 0 && v.Lines.All(l => l.Code.Length > 0 && Money.Parse(l.Amount, options.Currency).Succeeded));
}

/// <summary>One visit type's estimate.</summary>
/// <param name="VisitType">Its key, e.g. <c>new-patient</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Lines">The services it usually includes.</param>
/// <param name="Total">Their total.</param>
public sealed record VisitEstimate(string VisitType, string Name, IReadOnlyList<EstimateLine> Lines, Money Total);

/// <summary>One service of an estimate.</summary>
/// <param name="Code">The CPT or HCPCS code.</param>
/// <param name="Description">Plain words.</param>
/// <param name="Amount">The self-pay price.</param>
public sealed record EstimateLine(string Code, string Description, Money Amount);
