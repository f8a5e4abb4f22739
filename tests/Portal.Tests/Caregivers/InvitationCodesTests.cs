using Portal.Core.Caregivers;
using Portal.Core.Common;
using Portal.Core.Patients;

namespace Portal.Tests.Caregivers;

/// <summary>Invitation codes follow the activation codes' rules; the code word is kept only as a slow salted hash.</summary>
public sealed class InvitationCodesTests
{
    private static ProxyInvitation Invitation(string? codeWordHash = null) => new(
        "pat-1", "inv-1", "Maya", new DateOnly(2011, 4, 2), "Rosa", "parent", "rosa@example.org", null, null, ["billing.read"], null,
        "hash", codeWordHash, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch + InvitationCodes.Lifetime);

    [Fact]
    public void A_code_is_an_activation_code_kept_as_its_hash_and_typed_loosely_it_still_matches()
    {
        var (code, hash) = InvitationCodes.Issue();
        Assert.NotNull(ActivationCode.Normalize(code));
        Assert.Equal(hash, InvitationCodes.HashOf(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Null(InvitationCodes.HashOf("not a code"));
        Assert.Equal(TimeSpan.FromDays(14), InvitationCodes.Lifetime);
    }

    [Fact]
    public void The_answer_is_the_birth_date_unless_a_code_word_was_set()
    {
        Assert.True(InvitationCodes.Answers(Invitation(), new DateOnly(2011, 4, 2), null));
        Assert.False(InvitationCodes.Answers(Invitation(), new DateOnly(2011, 4, 3), null));

        var word = Invitation(InvitationCodes.HashCodeWord("Blue heron", "inv-1"));
        Assert.True(InvitationCodes.Answers(word, null, "  blue HERON "));
        Assert.False(InvitationCodes.Answers(word, new DateOnly(2011, 4, 2), null));
        Assert.NotEqual(InvitationCodes.HashCodeWord("Blue heron", "inv-1"), InvitationCodes.HashCodeWord("Blue heron", "inv-2"));
    }

    [Fact]
    public void Used_expired_and_locked_codes_answer_as_activation_codes_do()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(OneTimeCodeState.Standing.UsedByCaller, OneTimeCodeState.Of("me", "me", now.AddDays(1), 0, now, "invitation code", "ask again").Value);
        Assert.Equal(FailureKind.Validation, OneTimeCodeState.Of("other", "me", now.AddDays(1), 0, now, "invitation code", "ask again").Failure!.Kind);
        Assert.Equal(FailureKind.Validation, OneTimeCodeState.Of(null, "me", now, 0, now, "invitation code", "ask again").Failure!.Kind);
        Assert.Equal(FailureKind.TooManyAttempts, OneTimeCodeState.Of(null, "me", now.AddDays(1), 5, now, "invitation code", "ask again").Failure!.Kind);
        Assert.Equal(OneTimeCodeState.Standing.Open, OneTimeCodeState.Of(null, "me", now.AddDays(1), 4, now, "invitation code", "ask again").Value);
        Assert.Equal("locked", Invitation() with { FailedAttempts = 5 } is var locked ? locked.StatusAt(now) : "");
    }

    [Fact]
    public void Scopes_are_categories_a_caregiver_may_hold_read_or_write()
    {
        Assert.Equal(["appointments.write", "results.read"], GrantScopes.Parse(["results.read", "appointments.write", "results.read"]).Value);
        Assert.False(GrantScopes.Parse(["proxies.write"]).Succeeded);
        Assert.False(GrantScopes.Parse(["accesslog.read"]).Succeeded);
        Assert.False(GrantScopes.Parse(["Results.Read"]).Succeeded);
        Assert.False(GrantScopes.Parse([]).Succeeded);
    }
}
