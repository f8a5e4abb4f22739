using System.Text;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;
using Portal.Core.Labs.Ingestion;

namespace Portal.Functions.Labs;

/// <summary>The HL7 v2 ACK for an ingestion: AA when stored (or stored before), AE/AR with an ERR segment when refused.</summary>
public static class LabAcks
{
    /// <summary>The ACK text, built on the incoming header (MSA-2 = its MSH-10).</summary>
    public static string For(byte[] incoming, LabIngestOutcome outcome, DateTimeOffset now)
    {
        var text = Encoding.Latin1.GetString(incoming.AsSpan(0, Math.Min(incoming.Length, 4096)));
        return outcome.Accepted
            ? Hl7Ack.Build(text, Hl7AckCode.Accept, timestamp: now)
            : Hl7Ack.ForResult(text, LabReadResult.Refused(outcome.Refusal!), timestamp: now);
    }
}
