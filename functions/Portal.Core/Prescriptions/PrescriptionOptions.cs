namespace Portal.Core.Prescriptions;

/// <summary>The clinic's prescription settings (section <c>Prescriptions</c>).</summary>
public sealed class PrescriptionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Prescriptions";

    /// <summary>Business days (the clinic's working days, less holidays) the clinic aims to answer a refill request in.</summary>
    public int RefillTargetBusinessDays { get; set; } = 2;

    /// <summary>How many days before a medication's estimated run-out date the refill-due reminder goes (to patients who opted in).</summary>
    public int RefillDueDays { get; set; } = 7;
}
