using Portal.Core.Common;
using Portal.Core.Files;

namespace Portal.Tests.Files;

/// <summary>Uploads are judged by their bytes, not by the name or content type the sender claims.</summary>
public class FileRulesTests
{
    private static readonly FileFormat[] Documents = [FileFormat.Pdf, FileFormat.Jpeg, FileFormat.Png];

    public static TheoryData<byte[], string> Signatures => new()
    {
        { [.. "%PDF-1.4\n"u8], "application/pdf" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1], "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "image/png" },
        { [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], "image/heic" },
        { [0, 0, 0, 0x1C, .. "ftypmif1"u8, 0, 0, 0, 0], "image/heic" },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void The_first_bytes_tell_the_type(byte[] head, string contentType) =>
        Assert.Equal(contentType, FileSignatures.Detect(head)?.ContentType);

    [Theory]
    [InlineData("MZ\u0090\0")]
    [InlineData("<html><script>")]
    [InlineData("GIF89a")]
    [InlineData("\0\0\0\u0018ftypavif")]
    [InlineData("%PD")]
    public void Anything_else_is_unknown(string head) =>
        Assert.Null(FileSignatures.Detect(System.Text.Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void A_file_whose_bytes_match_its_declared_type_passes() =>
        Assert.Equal(FileFormat.Pdf, FileRules.Check(File("application/pdf", "%PDF-1.7 rest"), Documents, 100, "file").Value);

    [Fact]
    public void A_renamed_executable_is_refused()
    {
        var result = FileRules.Check(File("application/pdf", "MZ\u0090\0 this program"), Documents, 100, "file");

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Contains("PDF, JPG, PNG", result.Failure!.Errors!["file"][0]);
    }

    [Fact]
    public void A_png_sent_as_a_pdf_is_refused() =>
        Assert.Contains("sent as application/pdf", FileRules.Check(
            new IncomingFile("scan.pdf", "application/pdf", PngBytes()), Documents, 100, "file").Failure!.Errors!["file"][0]);

    [Fact]
    public void A_type_the_endpoint_does_not_take_is_refused() =>
        Assert.Equal(FailureKind.Validation, FileRules.Check(
            new IncomingFile("photo.heic", "image/heic", HeicBytes()), Documents, 100, "file").Failure!.Kind);

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Assert.Equal(FailureKind.Validation, FileRules.Check(File("application/pdf", ""), Documents, 100, "file").Failure!.Kind);
        Assert.Equal(FailureKind.TooLarge, FileRules.Check(File("application/pdf", "%PDF-" + new string('x', 100)), Documents, 100, "file").Failure!.Kind);
    }

    [Fact]
    public void Heif_is_accepted_as_heic() =>
        Assert.True(FileRules.Check(new IncomingFile("p", "image/heif", HeicBytes()), [FileFormat.Heic], 100, "file").Succeeded);

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\ada\\scan.PDF", "scan.pdf")]
    [InlineData("letter \"final\".exe", "letter final.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData(".pdf", "document.pdf")]
    public void Download_names_are_safe_and_carry_the_real_extension(string sent, string kept) =>
        Assert.Equal(kept, FileRules.DownloadName(sent, FileFormat.Pdf, "document"));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = FileRules.DownloadName(new string('a', 300) + ".pdf", FileFormat.Pdf, "document");

        Assert.Equal(FileRules.MaxFileNameLength, name.Length);
        Assert.EndsWith("a.pdf", name);
    }

    private static byte[] HeicBytes() => [0, 0, 0, 0x18, .. "ftypheic"u8, 1];

    private static byte[] PngBytes() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1];

    private static IncomingFile File(string type, string content) => new("f", type, System.Text.Encoding.Latin1.GetBytes(content));
}
