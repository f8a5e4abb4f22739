using Portal.Core.Common;

namespace Portal.Core.Patients;

/// <summary>
/// The rule every one-time code follows when someone tries it (activation codes, caregiver invitations): used codes
/// answer only the person who used them, expired codes nothing, and five wrong answers lock the code.
/// </summary>
public static class OneTimeCodeState
{
    /// <summary>What a try of the code meets before its answer is checked.</summary>
    public enum Standing
    {
        /// <summary>Unused and open: check the answer.</summary>
        Open,

        /// <summary>Already used by the same person: a retry, answer as before.</summary>
        UsedByCaller,
    }

    /// <summary>Open, a retry of the same person, or the failure to answer (used by someone else, expired, locked).</summary>
    /// <param name="redeemedBy">Who used it, if anyone.</param>
    /// <param name="caller">Who tries it.</param>
    /// <param name="expiresAt">When it stops working.</param>
    /// <param name="failedAttempts">Wrong answers so far.</param>
    /// <param name="now">Now.</param>
    /// <param name="what">What the code is, e.g. <c>activation code</c>.</param>
    /// <param name="askForNew">Who gives a new one, e.g. <c>ask the clinic for a new one</c>.</param>
    public static Result<Standing> Of(string? redeemedBy, string caller, DateTimeOffset expiresAt, int failedAttempts, DateTimeOffset now, string what, string askForNew)
    {
        if (redeemedBy is not null)
        {
            return redeemedBy == caller ? Standing.UsedByCaller : Failure.Invalid("code", $"This {what} has already been used.");
        }

        if (expiresAt <= now)
        {
            return Failure.Invalid("code", $"This {what} has expired; {askForNew}.");
        }

        return failedAttempts >= PendingActivation.MaxFailedAttempts
            ? new Failure(FailureKind.TooManyAttempts, $"Too many wrong attempts: this code is locked. {char.ToUpperInvariant(askForNew[0])}{askForNew[1..]}.")
            : Standing.Open;
    }
}
