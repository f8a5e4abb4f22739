using Portal.Core.Common;
using Portal.Core.Files;

namespace Portal.Core.Record.Documents;

/// <summary>What an uploaded document must be.</summary>
public static class DocumentRules
{
    /// <summary>The largest document accepted: 20 MB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The formats accepted, judged by their bytes.</summary>
    public static readonly IReadOnlyList<FileFormat> Formats = [FileFormat.Pdf, FileFormat.Jpeg, FileFormat.Png];

    /// <summary>The longest title.</summary>
    public const int MaxTitle = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescription = 500;

    /// <summary>The kinds a caller may name, as they are written.</summary>
    public static string Kinds => string.Join(", ", Enum.GetValues<DocumentKind>().Select(Name));

    /// <summary>The metadata's field errors, and the kind it names.</summary>
    public static (FieldErrors Errors, DocumentKind Kind) Validate(DocumentUpload upload)
    {
        var errors = new FieldErrors();
        errors.RequireText(upload.Title, "title", MaxTitle);
        errors.OptionalText(upload.Description, "description", MaxDescription);
        var kind = Enum.GetValues<DocumentKind>().FirstOrDefault(k => Name(k) == upload.Kind);
        errors.Require(upload.Kind is not null && Name(kind) == upload.Kind, "kind", $"One of: {Kinds}.");
        errors.Require(upload.Date is null || ClinicalTimes.IsValid(upload.Date), "date", ClinicalTimes.Rule);
        errors.Require(upload.VisitId is null || RecordItemIds.IsValid(upload.VisitId), "visitId", "A visit's id from the record.");
        return (errors, kind);
    }

    private static string Name(DocumentKind kind) => kind.ToString().ToLowerInvariant();
}
