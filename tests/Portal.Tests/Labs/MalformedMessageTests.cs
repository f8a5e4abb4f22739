using System.Text;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

/// <summary>Inputs that are not usable ORU^R01 messages: each is refused with a reason, never an exception.</summary>
public class MalformedMessageTests
{
    private const string Msh = "MSH|^~\\&|LIS|LAB|||20240115||ORU^R01|M1|P|2.5.1";
    private static readonly OruR01Reader Reader = new();

    public static TheoryData<string, string?, LabRefusalReason> Cases => new()
    {
        { "null", null, LabRefusalReason.Empty },
        { "empty", "", LabRefusalReason.Empty },
        { "white space", " \r\n\r\n\t", LabRefusalReason.Empty },
        { "no MSH", "PID|1||123\rOBR|1", LabRefusalReason.MissingHeader },
        { "batch header", "FHS|^~\\&|LAB\rBHS|^~\\&", LabRefusalReason.MissingHeader },
        { "text", "Hello, this is not HL7", LabRefusalReason.MissingHeader },
        { "json", "{\"resourceType\":\"Bundle\"}", LabRefusalReason.MissingHeader },
        { "MSH only", "MSH", LabRefusalReason.Truncated },
        { "MSH and separator", "MSH|", LabRefusalReason.Truncated },
        { "MSH ends after MSH-2", "MSH|^~\\&", LabRefusalReason.Truncated },
        { "MSH-2 ends at segment end", "MSH|^~\\&\rPID|1", LabRefusalReason.Truncated },
        { "letter as field separator", "MSHX^~\\&X", LabRefusalReason.InvalidDelimiters },
        { "space as field separator", "MSH ^~\\& A", LabRefusalReason.InvalidDelimiters },
        { "repeated encoding character", "MSH|^^\\&|LIS", LabRefusalReason.InvalidDelimiters },
        { "digit among encoding characters", "MSH|^~1&|LIS", LabRefusalReason.InvalidDelimiters },
        { "empty MSH-2", "MSH||LIS", LabRefusalReason.InvalidDelimiters },
        { "six encoding characters", "MSH|^~\\&#@|LIS", LabRefusalReason.InvalidDelimiters },
        { "NUL byte", "MSH|^~\\&|LIS\0|LAB", LabRefusalReason.BinaryContent },
        { "binary junk", "\u0001\u0002\u0003\u0004\u00ff\u00fe", LabRefusalReason.BinaryContent },
        { "escape character", "MSH|^~\\&|LIS\u001b[0m", LabRefusalReason.BinaryContent },
        { "bad segment id in the middle", Msh + "\robx|1|NM|X||1\rOBR|1|||X", LabRefusalReason.MalformedSegment },
        { "segment id too long", Msh + "\rOBXX|1\rOBR|1|||X", LabRefusalReason.MalformedSegment },
        { "cut inside the last segment id", Msh + "\rPID|1||1\rOBR|1|||X^X^LN\rOB", LabRefusalReason.Truncated },
        { "cut inside the last OBX", Msh + "\rPID|1||1\rOBR|1|||X^X^LN\rOBX|1|NM|X^X^LN||12", LabRefusalReason.Truncated },
        { "cut inside the last OBR", Msh + "\rPID|1||1\rOBR|1|", LabRefusalReason.Truncated },
        { "cut inside the last SPM", Msh + "\rPID|1||1\rOBR|1|||X^X^LN\rOBX|1|NM|X^X^LN||12||||||F\rSPM|1|", LabRefusalReason.Truncated },
        { "cut inside MSH", "MSH|^~\\&|LIS|LAB|||2024", LabRefusalReason.Truncated },
        { "no message type", "MSH|^~\\&|LIS|LAB|||20240115|||M1|P|2.5.1\rOBR|1|||X", LabRefusalReason.MissingRequiredField },
        { "no control id", "MSH|^~\\&|LIS|LAB|||20240115||ORU^R01||P|2.5.1\rOBR|1|||X", LabRefusalReason.MissingRequiredField },
        { "no OBR", Msh + "\rPID|1||1", LabRefusalReason.MissingRequiredSegment },
        { "OBX before OBR", Msh + "\rPID|1||1\rOBX|1|NM|X||1||||||F\rOBR|1|||X", LabRefusalReason.MalformedSegment },
        { "OBR without test", Msh + "\rPID|1||1\rOBR|1|P1|F1||\rOBX|1|NM|X||1||||||F", LabRefusalReason.MissingRequiredField },
        { "OBX without code", Msh + "\rPID|1||1\rOBR|1|||X\rOBX|1|NM|||1||||||F\rNTE|1", LabRefusalReason.MissingRequiredField },
        { "two messages", Msh + "\rOBR|1|||X\r" + Msh + "\rOBR|1|||Y", LabRefusalReason.MalformedSegment },
        { "ADT", "MSH|^~\\&|A|B|||20240101||ADT^A01|1|P|2.5\rPID|1", LabRefusalReason.UnsupportedMessageType },
        { "ORM", "MSH|^~\\&|A|B|||20240101||ORM^O01|1|P|2.3\rORC|NW", LabRefusalReason.UnsupportedMessageType },
        { "SIU", "MSH|^~\\&|A|B|||20240101||SIU^S12|1|P|2.5\rSCH|1", LabRefusalReason.UnsupportedMessageType },
        { "ORU of another event", "MSH|^~\\&|A|B|||20240101||ORU^R30|1|P|2.5\rOBR|1|||X", LabRefusalReason.UnsupportedMessageType },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_with_a_reason(string name, string? message, LabRefusalReason reason)
    {
        var result = Reader.Read(message);
        Assert.False(result.IsSuccess, name);
        Assert.Equal(reason, result.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));

        var fromBytes = Reader.Read(message is null ? [] : Encoding.UTF8.GetBytes(message));
        Assert.Equal(reason, fromBytes.Refusal?.Reason);
    }

    [Theory]
    [InlineData("ORM^O01")]
    [InlineData("SIU^S12")]
    [InlineData("ADT^A08")]
    public void Another_type_is_named_in_the_refusal(string type)
    {
        var result = Reader.Read($"MSH|^~\\&|A|B|||20240101||{type}|CTRL9|P|2.5\rPID|1");
        Assert.Equal(LabRefusalReason.UnsupportedMessageType, result.Refusal?.Reason);
        Assert.Equal(type, result.Refusal?.MessageType);
        Assert.Equal("CTRL9", result.Refusal?.MessageControlId);
        Assert.Contains(type, result.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Larger_than_the_limit_is_refused_before_reading()
    {
        var reader = new OruR01Reader(new LabReaderOptions { MaxMessageBytes = 100 });
        var message = Msh + "\rOBR|1|||X\rNTE|1||" + new string('x', 200);
        Assert.Equal(LabRefusalReason.TooLarge, reader.Read(message).Refusal?.Reason);
        Assert.Equal(LabRefusalReason.TooLarge, reader.Read(Encoding.ASCII.GetBytes(message)).Refusal?.Reason);
        Assert.True(reader.Read(Msh + "\rOBR|1|||X").IsSuccess);
    }

    [Fact]
    public void The_default_limit_is_one_mebibyte()
    {
        Assert.Equal(1024 * 1024, LabReaderOptions.Default.MaxMessageBytes);
        var big = Msh + "\rOBR|1|||X\rNTE|1||" + new string('x', 1024 * 1024);
        Assert.Equal(LabRefusalReason.TooLarge, Reader.Read(big).Refusal?.Reason);
    }

    [Fact]
    public void A_sample_cut_inside_its_observation_is_refused_as_truncated()
    {
        var text = LabTestData.Hl7Text("ORU_R01_2.5.1_SampleTestCase1.hl7");
        var obx = text.IndexOf("OBX|1|NM|", StringComparison.Ordinal);
        var statusField = text.IndexOf("|F|||200808151030", obx, StringComparison.Ordinal);
        for (var cut = obx + 3; cut < statusField; cut += 7)
        {
            var result = Reader.Read(text[..cut]);
            Assert.Equal(LabRefusalReason.Truncated, result.Refusal?.Reason);
            Assert.Equal("NIST-100929110701660", result.Refusal?.MessageControlId);
        }
    }

    [Fact]
    public void Deeply_repeated_content_does_not_hang()
    {
        var many = Msh + "\rOBR|1|||X\r" + string.Concat(Enumerable.Repeat("OBX|1|CWE|X^Y^LN||" + string.Join("~", Enumerable.Repeat("a^b^c", 50)) + "||||||F\r", 500));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = Reader.Read(many);
        Assert.True(result.IsSuccess);
        Assert.Equal(500, result.Report.Orders[0].Observations.Count);
        Assert.Equal(50, result.Report.Orders[0].Observations[499].Values.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }
}
