using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Portal.Core.Identity;
using Portal.Core.Messaging;
using Portal.Core.Messaging.Fhir;

namespace Portal.Tests.Messaging;

/// <summary>Secure messages as FHIR R4 Communication: valid against the base specification, and saying who wrote what.</summary>
public sealed class CommunicationResourcesTests
{
    // Building the validator reads the whole specification once; every test shares it.
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 30, 0, TimeSpan.Zero);
    private static readonly MessagePool CareTeam = new() { Id = "care-team", DisplayName = "Dr. Chen's care team", Category = "Clinical questions", StaffRole = AppRoles.Clinician };
    private static readonly MessageThread Thread = new("pat-1", "0123456789abcdef0123456789abcdef", "care-team", "Rash on my arm", ThreadStatus.Open, At, At, At, 4, null, new Dictionary<string, int>());

    private static ThreadMessage Message(MessageAuthorKind kind, string author, int sequence, params MessageAttachment[] attachments) =>
        new(Thread.ThreadId, MessagingRules.MessageId(At, sequence), kind, kind == MessageAuthorKind.Automatic ? "" : author, author,
            kind == MessageAuthorKind.Caregiver ? "pat-1" : null, $"Text from {author}", At.AddMinutes(sequence), attachments.Length == 0 ? null : attachments);

    public static TheoryData<MessageAuthorKind> Authors => [.. Enum.GetValues<MessageAuthorKind>()];

    [Theory]
    [MemberData(nameof(Authors))]
    public void Every_kind_of_message_is_a_valid_R4_Communication(MessageAuthorKind author)
    {
        var message = Message(author, "Someone", 1, new MessageAttachment("att-1", "Rash.heic", "image/heic", 2_048_000), new MessageAttachment("att-2", "Form.pdf", "application/pdf", 1234));

        var communication = CommunicationResources.From(Thread, CareTeam, message, "https://portal.example/api");

        AssertValid(communication);
    }

    [Fact]
    public void The_resource_says_who_wrote_to_whom_about_what_with_which_files()
    {
        var fromAna = CommunicationResources.From(Thread, CareTeam, Message(MessageAuthorKind.Patient, "Ana Diaz", 0, new MessageAttachment("att-1", "Rash.heic", "image/heic", 42)), "https://portal.example/api/");
        var fromLuis = CommunicationResources.From(Thread, CareTeam, Message(MessageAuthorKind.Caregiver, "Luis Diaz", 1), "https://portal.example/api");
        var fromDrChen = CommunicationResources.From(Thread, CareTeam, Message(MessageAuthorKind.CareTeam, "Dr. Maya Chen", 2), "https://portal.example/api");
        var automatic = CommunicationResources.From(Thread, CareTeam, Message(MessageAuthorKind.Automatic, "x", 3), "https://portal.example/api");

        Assert.Equal(("Patient/pat-1", "Ana Diaz"), (fromAna.Sender!.Reference, fromAna.Sender.Display));
        Assert.Equal(("RelatedPerson", "Luis Diaz"), (fromLuis.Sender!.Type, fromLuis.Sender.Display));
        Assert.Equal(("Practitioner", "Dr. Maya Chen"), (fromDrChen.Sender!.Type, fromDrChen.Sender.Display));
        Assert.Equal(("HealthcareService", "Dr. Chen's care team"), (automatic.Sender!.Type, automatic.Sender.Display));
        Assert.Equal("CareTeam", fromAna.Recipient.Single().Type);
        Assert.Equal("Patient/pat-1", fromDrChen.Recipient.Single().Reference);
        Assert.Equal(("Rash on my arm", Thread.ThreadId), (fromAna.Topic!.Text, fromAna.Topic.Coding.Single().Code));
        Assert.Equal("care-team", fromAna.Category.Single().Coding.Single().Code);
        Assert.Equal("Text from Ana Diaz", ((FhirString)fromAna.Payload[0].Content).Value);
        var file = (Hl7.Fhir.Model.Attachment)fromAna.Payload[1].Content;
        Assert.Equal(("image/heic", "Rash.heic", 42), (file.ContentType, file.Title, file.SizeUnsignedInt));
        Assert.Equal($"https://portal.example/api/patients/pat-1/threads/{Thread.ThreadId}/attachments/att-1", file.Url);
        Assert.Contains("\"resourceType\":\"Communication\"", fromAna.ToJson());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef.0639000000000000000-0001", true)]
    [InlineData("thread.message", true)]
    [InlineData("nodot", false)]
    [InlineData(".message", false)]
    [InlineData("thread.", false)]
    [InlineData("thread/x.message", false)]
    [InlineData("", false)]
    public void Ids_are_the_thread_and_the_message(string id, bool valid)
    {
        Assert.Equal(valid, CommunicationResources.TryParseId(id, out var threadId, out var messageId));
        if (valid)
        {
            Assert.Equal(id, CommunicationResources.IdOf(threadId, messageId));
        }
    }

    private static void AssertValid(Resource resource)
    {
        var outcome = Validator.Value.Validate(resource);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Severity} {e.Code} at {string.Join(",", e.Expression)}: {e.Details?.Text ?? e.Diagnostics}")));
    }
}
