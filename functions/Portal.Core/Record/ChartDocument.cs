namespace Portal.Core.Record;

/// <summary>
/// A document in the record: the metadata in the chart, the bytes in the <c>documents</c> blob container
/// (written through <see cref="IDocumentContent"/>, read and linked through <see cref="Files.IFileStore"/> at <see cref="Documents.DocumentFiles.Location"/>).
/// </summary>
/// <param name="Title">As people read it (<c>Discharge instructions</c>).</param>
/// <param name="Kind">Discharge papers, letter, imaging report, form, or other.</param>
/// <param name="ContentType">The bytes' media type (<c>application/pdf</c>, <c>image/jpeg</c>, <c>image/png</c>, <c>text/plain</c> …).</param>
/// <param name="Size">The bytes' length.</param>
/// <param name="BlobName">The blob's name in the <c>documents</c> container (<c>{patientId}/…</c>).</param>
/// <param name="Date">The document's date: FHIR date or dateTime.</param>
/// <param name="Author">Who wrote it, as people read it, if known.</param>
/// <param name="Description">A line about it, if any.</param>
/// <param name="Sha256">SHA-256 of the bytes (hex), to check a download and recognise a resend.</param>
/// <param name="Codes">The document type's codes as sent (LOINC).</param>
public sealed record ChartDocument(
    string Title,
    DocumentKind Kind,
    string ContentType,
    long Size,
    string BlobName,
    string Date,
    string? Author,
    string? Description,
    string Sha256,
    IReadOnlyList<RecordCode> Codes);

/// <summary>What kind of document it is.</summary>
public enum DocumentKind
{
    /// <summary>Discharge papers.</summary>
    Discharge,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>An imaging report.</summary>
    Imaging,

    /// <summary>A form.</summary>
    Form,

    /// <summary>Anything else.</summary>
    Other,
}
