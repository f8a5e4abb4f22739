using Portal.Core.Identity;

namespace Portal.Core.Labs.Ingestion;

/// <summary>A lab message as one of the three ways in delivered it.</summary>
/// <param name="Content">The message bytes (HL7 v2 text or FHIR JSON; UTF-8, HL7 may be Latin-1).</param>
/// <param name="Format">The format the transport declared, or null to tell by the content.</param>
/// <param name="Channel">The way in: <c>storage-queue</c>, <c>service-bus</c> or <c>https</c>.</param>
/// <param name="Sender">Who delivered it: the lab's token on HTTPS, <see cref="LabDelivery.System"/> for the queues.</param>
public sealed record LabDelivery(ReadOnlyMemory<byte> Content, LabReportFormat? Format, string Channel, Caller Sender)
{
    /// <summary>The caller recorded for messages from a queue: a lab system with the <c>Lab.Push</c> role.</summary>
    public static Caller System(string channel) =>
        new($"lab:{channel}", $"Lab results ({channel})", new HashSet<string> { AppRoles.LabPush }, HasMfa: false);
}
