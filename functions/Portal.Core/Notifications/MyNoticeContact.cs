using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Notifications;

/// <summary>
/// Use cases: a signed-in person's own contact details for notices — what caregivers are told on about the people
/// they care for. Read with an ETag; replaced with If-Match; a new phone or e-mail needs an MFA sign-in, as in the
/// profile. Nobody else's details are reachable: the subject is the caller's own.
/// </summary>
public sealed class MyNoticeContact(INoticeContacts contacts)
{
    private const string Stale = "Your contact details changed since you read them; read them again and reapply your change.";

    /// <summary>The caller's details (empty, with <see cref="NoticeContact.NoneETag"/>, until first saved).</summary>
    public async Task<Versioned<NoticeContact>> GetAsync(Caller caller, CancellationToken cancellationToken) =>
        await contacts.FindAsync(caller.Subject, cancellationToken) ?? new Versioned<NoticeContact>(NoticeContact.None, NoticeContact.NoneETag);

    /// <summary>The saved details with the new ETag; 400, 401 (MFA for a new phone or e-mail), 412, 428.</summary>
    public async Task<Result<Versioned<NoticeContact>>> ChangeAsync(Caller caller, string? ifMatch, NoticeContact change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send your contact details' ETag in If-Match to change them.");
        }

        var errors = new FieldErrors();
        ProfileRules.ValidateNoticeContact(change.Phone, change.Email, change.SmsConsent, change.EmailConsent, change.PreferredLanguage, change.TimeZone, errors);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var current = await GetAsync(caller, cancellationToken);
        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return new Failure(FailureKind.PreconditionFailed, Stale);
        }

        if (!caller.HasMfa && (change.Phone != current.Value.Phone || change.Email != current.Value.Email))
        {
            return new Failure(FailureKind.StepUpRequired, "Sign in with multi-factor authentication to change your phone number or e-mail address.");
        }

        try
        {
            return new Versioned<NoticeContact>(change, await contacts.SaveAsync(caller.Subject, change, current.ETag, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, Stale);
        }
    }
}
