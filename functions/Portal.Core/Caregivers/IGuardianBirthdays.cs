namespace Portal.Core.Caregivers;

/// <summary>
/// Port: the birthday index of grants that end at 18 (<c>Lookups</c> partition <c>guardian-birthday|{MM-dd}</c>), written
/// with the grant, so the daily run reads only the grants whose patient has a birthday that day.
/// </summary>
public interface IGuardianBirthdays
{
    /// <summary>The grants whose patient was born on this month and day (any year). One partition query.</summary>
    Task<IReadOnlyList<GuardianBirthday>> OnAsync(int month, int day, CancellationToken cancellationToken);

    /// <summary>Removes the entry once its grant has ended (idempotent).</summary>
    Task RemoveAsync(GuardianBirthday entry, CancellationToken cancellationToken);
}

/// <summary>A grant that ends on the patient's 18th birthday.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Subject">The caregiver.</param>
/// <param name="BirthDate">The patient's birth date.</param>
public sealed record GuardianBirthday(string PatientId, string Subject, DateOnly BirthDate);
