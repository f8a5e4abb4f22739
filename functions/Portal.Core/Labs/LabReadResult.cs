using System.Diagnostics.CodeAnalysis;

namespace Portal.Core.Labs;

/// <summary>What a lab reader returns: a <see cref="LabReport"/> or a <see cref="LabRefusal"/>, never an exception.</summary>
public sealed class LabReadResult
{
    private LabReadResult(LabReport? report, LabRefusal? refusal)
    {
        Report = report;
        Refusal = refusal;
    }

    /// <summary>The report, when the message was read.</summary>
    public LabReport? Report { get; }

    /// <summary>The refusal, when it was not.</summary>
    public LabRefusal? Refusal { get; }

    /// <summary>True when <see cref="Report"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess => Report is not null;

    /// <summary>A successful read.</summary>
    /// <param name="report">The report.</param>
    public static LabReadResult Success(LabReport report) => new(report ?? throw new ArgumentNullException(nameof(report)), null);

    /// <summary>A refused message.</summary>
    /// <param name="refusal">Why.</param>
    public static LabReadResult Refused(LabRefusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>Report or refusal, for logs.</summary>
    public override string ToString() => IsSuccess ? $"Report {Report.MessageControlId}" : Refusal.ToString();
}
