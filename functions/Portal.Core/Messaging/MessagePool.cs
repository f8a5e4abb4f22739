namespace Portal.Core.Messaging;

/// <summary>A care-team pool patients write to (configured under <c>Messaging:Pools:{id}</c>).</summary>
public sealed class MessagePool
{
    /// <summary>The pool's id, its key in configuration (e.g. <c>care-team</c>): the thread's category.</summary>
    public string Id { get; set; } = "";

    /// <summary>What patients see, e.g. "Dr. Chen's care team".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>What to write about, e.g. "Clinical questions".</summary>
    public string Category { get; set; } = "";

    /// <summary>The stated response time in business days.</summary>
    public int ResponseBusinessDays { get; set; } = 2;

    /// <summary>The app role whose staff answer the pool (Clinician, Billing, FrontDesk).</summary>
    public string StaffRole { get; set; } = "";

    /// <summary>The stated response time as the patient reads it.</summary>
    public string ResponseTime => ResponseBusinessDays == 1 ? "1 business day" : $"{ResponseBusinessDays} business days";
}
