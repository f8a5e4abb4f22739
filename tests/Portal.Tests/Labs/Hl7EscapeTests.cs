using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

public class Hl7EscapeTests
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Default;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("\\F\\", "|")]
    [InlineData("\\S\\", "^")]
    [InlineData("\\T\\", "&")]
    [InlineData("\\R\\", "~")]
    [InlineData("\\E\\", "\\")]
    [InlineData("a\\.br\\b", "a\nb")]
    [InlineData("\\H\\bold\\N\\", "bold")]
    [InlineData("\\X0D0A\\", "\r\n")]
    [InlineData("\\X48656C6C6F\\", "Hello")]
    [InlineData("\\XC3A9\\", "é")]
    [InlineData("\\XE9\\", "é")]
    [InlineData("\\.sp2\\x", "\nx")]
    [InlineData("\\.in+4\\x", "x")]
    [InlineData("\\Zlocal\\x", "x")]
    [InlineData("a\\Q\\b", "a\\Q\\b")]
    [InlineData("\\XZZ\\", "\\XZZ\\")]
    [InlineData("\\X123\\", "\\X123\\")]
    [InlineData("unterminated \\F", "unterminated \\F")]
    [InlineData("\\\\", "\\\\")]
    public void Decodes(string raw, string expected) => Assert.Equal(expected, Hl7Escape.Decode(raw, D));

    [Fact]
    public void Long_values_decode_beyond_the_stack_buffer()
    {
        var raw = string.Concat(Enumerable.Repeat("ab\\F\\", 200));
        Assert.Equal(string.Concat(Enumerable.Repeat("ab|", 200)), Hl7Escape.Decode(raw, D));
    }

    [Theory]
    [InlineData("a|b^c&d~e\\f", "a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f")]
    [InlineData("line1\nline2", "line1\\.br\\line2")]
    [InlineData("line1\r\nline2", "line1\\.br\\line2")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Encodes(string text, string expected) => Assert.Equal(expected, Hl7Escape.Encode(text, D));

    [Theory]
    [InlineData("a|b^c&d~e\\f")]
    [InlineData("Result: >10 \\ <20 ^ ok & more ~ end|")]
    public void Encode_then_decode_round_trips(string text) =>
        Assert.Equal(text, Hl7Escape.Decode(Hl7Escape.Encode(text, D), D));

    [Fact]
    public void Encodes_with_custom_delimiters()
    {
        var d = new Hl7Delimiters('#', '*', '!', '/', '$');
        Assert.Equal("a/F/b/S/c/E/", Hl7Escape.Encode("a#b*c/", d));
        Assert.Equal("a#b*c/", Hl7Escape.Decode("a/F/b/S/c/E/", d));
    }
}
