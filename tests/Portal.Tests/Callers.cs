using Portal.Core.Identity;

namespace Portal.Tests;

/// <summary>Callers for tests.</summary>
internal static class Callers
{
    public static Caller Person(string subject = "person-1", bool mfa = false) =>
        new(subject, "Pat Person", new HashSet<string>(), mfa, "203.0.113.7");

    public static Caller Staff(params string[] roles) =>
        new("staff-" + string.Join("-", roles), "Sam Staff", new HashSet<string>(roles), true, "10.0.0.5");
}
