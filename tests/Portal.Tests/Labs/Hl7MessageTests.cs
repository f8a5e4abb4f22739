using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

public class Hl7MessageTests
{
    private static Hl7Message Parse(string text)
    {
        Assert.True(Hl7Message.TryParse(text, out var message, out var refusal), refusal?.ToString());
        return message!;
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Segment_terminators_cr_lf_and_crlf_with_or_without_a_final_one(string terminator)
    {
        var segments = new[] { "MSH|^~\\&|LAB||||20240101||ORU^R01|1|P|2.5.1", "PID|1||123", "OBX|1|NM|X||5" };
        foreach (var trailing in new[] { string.Empty, terminator })
        {
            var message = Parse(string.Join(terminator, segments) + trailing);
            Assert.Equal(3, message.SegmentCount);
            Assert.Equal("OBX", message[2].Name);
            Assert.Equal("5", message.Get("OBX-5").Value);
            Assert.Equal("123", message.Get("PID-3").Value);
        }
    }

    [Fact]
    public void Blank_lines_and_mllp_framing_are_not_segments()
    {
        var message = Parse("\u000BMSH|^~\\&|A\r\n\r\nPID|1\r\n\u001C\r");
        Assert.Equal(2, message.SegmentCount);
        Assert.Equal("1", message.Get("PID-1").Value);
    }

    [Fact]
    public void Msh_fields_are_numbered_as_in_the_standard()
    {
        var message = Parse("MSH|^~\\&|APP^1.2.3^ISO|FAC|||20240101120000||ORU^R01^ORU_R01|CTRL1|P|2.5.1");
        var msh = message.Header;
        Assert.Equal("|", msh.Field(1).Value);
        Assert.Equal("^~\\&", msh.Field(2).Value);
        Assert.Equal("^~\\&", msh.Field(2).Component(1).Value);
        Assert.Equal("APP", msh.Field(3).Component(1).Value);
        Assert.Equal("1.2.3", message.Get("MSH-3.2").Value);
        Assert.Equal("ORU", message.Get("MSH-9.1").Value);
        Assert.Equal("R01", message.Get("MSH-9.2").Value);
        Assert.Equal("CTRL1", message.Get("MSH-10").Value);
        Assert.Equal("2.5.1", message.Get("MSH-12").Value);
        Assert.Equal(12, msh.FieldCount);
    }

    [Fact]
    public void Repetitions_components_and_subcomponents()
    {
        var message = Parse("MSH|^~\\&|A\rPID|1||111^^^MPI&1.2.3&ISO^MR~222^^^SSA&2.16.840.1.113883.4.1&ISO^SS||Doe^Jane");
        var pid3 = message.Get("PID-3");
        Assert.Equal(2, pid3.RepetitionCount);
        Assert.Equal("111", pid3.Component(1).Value);
        Assert.Equal("222", message.Get("PID-3[2].1").Value);
        Assert.Equal("SS", message.Get("PID-3[2].5").Value);
        Assert.Equal("SSA", message.Get("PID-3[2].4.1").Value);
        Assert.Equal("2.16.840.1.113883.4.1", message.Get("PID-3[2].4.2").Value);
        Assert.Equal("ISO", pid3.Repetition(1).Component(4).Subcomponent(3).Value);
        Assert.Equal("MPI", pid3.Component(4, 1).Value);
        Assert.Equal("Jane", message.Get("PID-5.2").Value);
        Assert.True(message.Get("PID-3[3]").IsEmpty);
        Assert.True(message.Get("PID-5.7").IsEmpty);
        Assert.True(message.Get("PID-3.4.9").IsEmpty);
        Assert.True(message.Get("PID-40").IsEmpty);
        Assert.Null(message.Get("PID-40").Value);
        Assert.True(message.Get("OBX-5").IsEmpty);
    }

    [Fact]
    public void Second_segment_occurrence_by_path()
    {
        var message = Parse("MSH|^~\\&|A\rOBX|1|NM|A||1\rOBX|2|NM|B||2");
        Assert.Equal("2", message.Get("OBX[2]-5").Value);
        Assert.Equal("B", message.Get("OBX[2]-3").Value);
        Assert.True(message.TryFindSegment("OBX", 2, out var second));
        Assert.Equal(2, second.Index);
        Assert.False(message.TryFindSegment("OBX", 3, out _));
    }

    [Theory]
    [InlineData("PID")]
    [InlineData("PID-")]
    [InlineData("PID-0")]
    [InlineData("PID-3[")]
    [InlineData("PID-3.x")]
    [InlineData("PID[0]-3")]
    public void A_malformed_path_is_a_programming_error(string path)
    {
        var message = Parse("MSH|^~\\&|A\rPID|1");
        Assert.Throws<FormatException>(() => message.Get(path));
    }

    [Fact]
    public void Empty_and_explicit_null_are_told_apart()
    {
        var message = Parse("MSH|^~\\&|A\rOBX|1|\"\"||x^\"\"^");
        var empty = message.Get("OBX-3");
        var nullField = message.Get("OBX-2");
        Assert.True(empty.IsEmpty);
        Assert.False(empty.IsNull);
        Assert.False(empty.HasValue);
        Assert.True(nullField.IsNull);
        Assert.False(nullField.IsEmpty);
        Assert.False(nullField.HasValue);
        Assert.Null(nullField.Value);
        Assert.True(message.Get("OBX-4.2").IsNull);
        Assert.True(message.Get("OBX-4.3").IsEmpty);
        Assert.Equal("\"\"", message.Get("OBX-2").Raw.ToString());
    }

    [Fact]
    public void Escapes_are_decoded_when_a_value_is_read()
    {
        var message = Parse("MSH|^~\\&|A\rNTE|1||A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F \\H\\bold\\N\\ line1\\.br\\line2 \\X41C3A9\\");
        Assert.Equal("A|B^C&D~E\\F bold line1\nline2 Aé", message.Get("NTE-3").Value);
        Assert.Contains("\\F\\", message.Get("NTE-3").Raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_delimiters_declared_in_msh_are_used()
    {
        var message = Parse("MSH#*!/$#LAB*1.2.3#FAC#\rOBX#1#SN#X#1#>*11.0#mg/dL#1-2#H!A#\rNTE#1##a/F/b/S/c");
        Assert.Equal(new Hl7Delimiters('#', '*', '!', '/', '$'), message.Delimiters);
        Assert.Equal("1.2.3", message.Get("MSH-3.2").Value);
        Assert.Equal("11.0", message.Get("OBX-5.2").Value);
        Assert.Equal(2, message.Get("OBX-8").RepetitionCount);
        Assert.Equal("A", message.Get("OBX-8[2]").Value);
        Assert.Equal("a#b*c", message.Get("NTE-3").Value);
    }

    [Fact]
    public void Missing_encoding_characters_do_not_split()
    {
        var message = Parse("MSH|^~|A\rOBX|1|ST|X||a&b\\c");
        Assert.Equal('\0', message.Delimiters.Escape);
        Assert.Equal("a&b\\c", message.Get("OBX-5").Value);
        Assert.Equal("a&b\\c", message.Get("OBX-5.1.1").Value);
    }

    [Fact]
    public void Bytes_are_read_as_utf8_when_valid_else_latin1()
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes("MSH|^~\\&|A\rPID|1||1||Müller");
        var latin1 = System.Text.Encoding.Latin1.GetBytes("MSH|^~\\&|A\rPID|1||1||Müller");
        Assert.True(Hl7Message.TryParse(utf8, out var a, out _));
        Assert.True(Hl7Message.TryParse(latin1, out var b, out _));
        Assert.Equal("Müller", a!.Get("PID-5").Value);
        Assert.Equal("Müller", b!.Get("PID-5").Value);
    }

    [Fact]
    public void Typed_accessors()
    {
        var message = Parse("MSH|^~\\&|A\rOBX|1|NM|X||-12.50|||||||||20240102");
        Assert.True(message.Get("OBX-5").TryGetDecimal(out var value));
        Assert.Equal(-12.50m, value);
        Assert.False(message.Get("OBX-3").TryGetDecimal(out _));
        Assert.Equal(new DateOnly(2024, 1, 2), message.Get("OBX-14").AsTimestamp(TimeZoneInfo.Utc)?.Date);
    }
}
