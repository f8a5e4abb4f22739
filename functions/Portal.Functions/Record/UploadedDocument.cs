using Microsoft.AspNetCore.Http;
using Portal.Core.Common;
using Portal.Core.Record;
using Portal.Core.Record.Documents;

namespace Portal.Functions.Record;

/// <summary>A document as stored in the record.</summary>
/// <param name="DocumentId">Its id in the record.</param>
/// <param name="Title">As the patient reads it.</param>
/// <param name="Kind">Discharge papers, letter, imaging report, form or other.</param>
/// <param name="Date">The document's date as given.</param>
/// <param name="ContentType">The bytes' media type (from the bytes).</param>
/// <param name="Size">The bytes' length.</param>
/// <param name="VisitId">The visit it belongs to, if any.</param>
/// <param name="Confidential">Hidden from caregivers.</param>
/// <param name="RecordedAt">When it was added.</param>
/// <param name="RecordedByName">Who added it.</param>
/// <param name="ContentUrl">Where to ask for its download link.</param>
public sealed record UploadedDocument(
    string DocumentId, string Title, DocumentKind Kind, string Date, string ContentType, long Size, string? VisitId, bool Confidential,
    DateTimeOffset RecordedAt, string? RecordedByName, string ContentUrl)
{
    internal static UploadedDocument From(RecordItem item)
    {
        var document = item.Content.Document!;
        return new(item.ItemId, document.Title, document.Kind, document.Date, document.ContentType, document.Size, item.VisitId, item.Confidential,
            item.RecordedAt, item.RecordedByName, $"/api/patients/{item.PatientId}/documents/{item.ItemId}/content");
    }

    /// <summary>The document's metadata from the query string; a <c>confidential</c> that is not true or false is a 400.</summary>
    internal static Result<DocumentUpload> Metadata(HttpRequest request)
    {
        string? Text(string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
        var confidential = false;
        if (Text("confidential") is { } flag && !bool.TryParse(flag, out confidential))
        {
            return Failure.Invalid("confidential", "true or false.");
        }

        return new DocumentUpload(Text("title"), Text("kind"), Text("date"), Text("visitId"), Text("description"), confidential);
    }
}
