using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>Secure messaging settings (section <c>Messaging</c>): the care-team pools patients write to.</summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Messaging";

    /// <summary>The pools by id; configuration adds pools or changes the defaults' fields.</summary>
    public Dictionary<string, MessagePool> Pools { get; set; } = new(StringComparer.Ordinal)
    {
        ["care-team"] = new() { DisplayName = "Dr. Chen's care team", Category = "Clinical questions", ResponseBusinessDays = 2, StaffRole = AppRoles.Clinician },
        ["billing"] = new() { DisplayName = "Billing office", Category = "Bills, payments and insurance", ResponseBusinessDays = 3, StaffRole = AppRoles.Billing },
        ["scheduling"] = new() { DisplayName = "Front desk", Category = "Appointments and scheduling", ResponseBusinessDays = 1, StaffRole = AppRoles.FrontDesk },
        ["refills"] = new() { DisplayName = "Prescription refills", Category = "Prescription refills", ResponseBusinessDays = 2, StaffRole = AppRoles.Clinician },
    };
}
