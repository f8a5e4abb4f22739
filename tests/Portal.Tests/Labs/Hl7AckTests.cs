using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

public class Hl7AckTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 15, 8, 30, 0, TimeSpan.Zero);

    private static Hl7Message ParseAck(string ack)
    {
        Assert.EndsWith("\r", ack, StringComparison.Ordinal);
        Assert.True(Hl7Message.TryParse(ack, out var message, out var refusal), refusal?.ToString());
        return message!;
    }

    [Fact]
    public void Accept_swaps_sender_and_receiver_and_echoes_the_control_id()
    {
        var incoming = LabTestData.Hl7Text("ORU_R01_2.5.1_SampleTestCase1.hl7");
        var result = new OruR01Reader().Read(incoming);
        var ack = ParseAck(Hl7Ack.ForResult(incoming, result, "ACK0001", Now));

        Assert.Equal(2, ack.SegmentCount);
        Assert.Equal("PH Application^2.16.840.1.113883.3.72.7.3^HL7", ack.Get("MSH-3").Raw.ToString());
        Assert.Equal("PH Facility", ack.Get("MSH-4.1").Value);
        Assert.Equal("EHR Application", ack.Get("MSH-5.1").Value);
        Assert.Equal("EHR Facility", ack.Get("MSH-6.1").Value);
        Assert.Equal("20240115083000+0000", ack.Get("MSH-7").Value);
        Assert.Equal("ACK^R01^ACK", ack.Get("MSH-9").Raw.ToString());
        Assert.Equal("ACK0001", ack.Get("MSH-10").Value);
        Assert.Equal("P", ack.Get("MSH-11").Value);
        Assert.Equal("2.5.1", ack.Get("MSH-12").Value);
        Assert.Equal("AA", ack.Get("MSA-1").Value);
        Assert.Equal("NIST-100929110701660", ack.Get("MSA-2").Value);
        Assert.False(ack.TryFindSegment("ERR", 1, out _));
    }

    [Fact]
    public void Reject_for_another_message_type_names_it_in_err()
    {
        var incoming = LabTestData.Hl7Text("adt-example.hl7");
        var result = new OruR01Reader().Read(incoming);
        var ack = ParseAck(Hl7Ack.ForResult(incoming, result, "ACK0002", Now));

        Assert.Equal("2.3", ack.Get("MSH-12").Value);
        Assert.Equal("AccMgr", ack.Get("MSH-5").Value);
        Assert.Equal("1", ack.Get("MSH-6").Value);
        Assert.Equal("ACK^A01^ACK", ack.Get("MSH-9").Raw.ToString());
        Assert.Equal("AR", ack.Get("MSA-1").Value);
        Assert.Equal("599102", ack.Get("MSA-2").Value);
        Assert.Equal("MSH^1^9", ack.Get("ERR-2").Raw.ToString());
        Assert.Equal("200", ack.Get("ERR-3.1").Value);
        Assert.Equal("HL70357", ack.Get("ERR-3.3").Value);
        Assert.Equal("E", ack.Get("ERR-4").Value);
        Assert.Contains("ADT^A01", ack.Get("ERR-8").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_for_a_missing_field_points_at_it()
    {
        var incoming = "MSH|^~\\&|LIS|LAB|PORTAL|CLINIC|20240115||ORU^R01|M7|P|2.5.1\rPID|1||1\rOBR|1|P1|F1||\rOBX|1|NM|X||1||||||F";
        var result = new OruR01Reader().Read(incoming);
        var ack = ParseAck(Hl7Ack.ForResult(incoming, result, "ACK0003", Now));

        Assert.Equal("AE", ack.Get("MSA-1").Value);
        Assert.Equal("M7", ack.Get("MSA-2").Value);
        Assert.Equal("OBR", ack.Get("ERR-2.1").Value);
        Assert.Equal("1", ack.Get("ERR-2.2").Value);
        Assert.Equal("4", ack.Get("ERR-2.3").Value);
        Assert.Equal("101", ack.Get("ERR-3.1").Value);
        Assert.Contains("OBR[1]-4", ack.Get("ERR-8").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_delimiters_as_the_incoming_message_and_reason_escaped()
    {
        var incoming = "MSH#*!/$#LIS#LAB#PORTAL#CLINIC#20240115##ORU*R01#M8#P#2.4\rPID#1";
        var refusal = new LabRefusal(LabRefusalReason.MissingRequiredSegment, "No OBR # no results * sorry");
        var ack = Hl7Ack.Build(incoming, Hl7AckCode.Error, refusal, "A#1", Now);

        Assert.StartsWith("MSH#*!/$#PORTAL#CLINIC#LIS#LAB#", ack, StringComparison.Ordinal);
        var message = ParseAck(ack);
        Assert.Equal(new Hl7Delimiters('#', '*', '!', '/', '$'), message.Delimiters);
        Assert.Equal("2.4", message.Get("MSH-12").Value);
        Assert.Equal("A#1", message.Get("MSH-10").Value);
        Assert.Equal("M8", message.Get("MSA-2").Value);
        Assert.Equal("No OBR # no results * sorry", message.Get("ERR-8").Value);
        Assert.Equal("No OBR # no results * sorry", message.Get("MSA-3").Value);
    }

    [Fact]
    public void Unreadable_incoming_message_still_gets_a_reject()
    {
        var result = new OruR01Reader().Read("\u0001\u0002junk");
        var ack = ParseAck(Hl7Ack.ForResult("\u0001\u0002junk", result, "ACK0004", Now));

        Assert.Equal(Hl7Delimiters.Default, ack.Delimiters);
        Assert.Equal("2.5.1", ack.Get("MSH-12").Value);
        Assert.Equal("AR", ack.Get("MSA-1").Value);
        Assert.True(ack.Get("MSA-2").IsEmpty);
        Assert.Equal("102", ack.Get("ERR-3.1").Value);
    }

    [Fact]
    public void A_new_control_id_when_none_is_given()
    {
        var ack = ParseAck(Hl7Ack.Build(LabTestData.Hl7Text("cerner_lead.hl7"), Hl7AckCode.Accept));
        Assert.Equal(20, ack.Get("MSH-10").Value?.Length);
        Assert.Equal("201010010913000772", ack.Get("MSA-2").Value);
    }
}
