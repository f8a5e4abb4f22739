using System.Text;
using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// DocumentReference → a shared clinical note (category <c>clinical-note</c> with a <c>text/plain</c> attachment:
/// the text is the note) or a <see cref="ChartDocument"/> whose bytes (inline <c>data</c> or a Binary entry of the
/// Bundle) are stored as a blob.
/// </summary>
internal static class FhirDocuments
{
    private const string UsCoreCategory = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";

    public static MappedContent? Read(DocumentReference resource, string path, FhirIssues issues, Func<string, Binary?> binaries)
    {
        var attachment = resource.Content.FirstOrDefault()?.Attachment;
        if (attachment is null)
        {
            issues.Add($"{path}.content", "An attachment is required.");
            return null;
        }

        var contentType = attachment.ContentType;
        var data = attachment.Data;
        if (data is null && attachment.Url is { Length: > 0 } url)
        {
            var binary = binaries(url);
            data = binary?.Data;
            contentType ??= binary?.ContentType;
            if (binary is null)
            {
                issues.Add($"{path}.content[0].attachment.url", "Point at a Binary entry of this Bundle (its fullUrl or Binary/{id}), or send the bytes in attachment.data.");
            }
        }

        if (data is null)
        {
            issues.Add($"{path}.content[0].attachment", "The document's bytes are required (attachment.data or a Binary entry).");
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            issues.Add($"{path}.content[0].attachment.contentType", "Required.");
        }
        else if (data is not null && !DocumentTypes.Matches(contentType, data))
        {
            issues.Add($"{path}.content[0].attachment", $"The bytes are not {contentType.Split(';')[0]}.");
        }

        if (data is not null && data.LongLength > DocumentTypes.MaxBytes)
        {
            issues.Add($"{path}.content[0].attachment", "A document may be at most 20 MB.");
        }

        if (resource.Type is null)
        {
            issues.Add($"{path}.type", "Required (a LOINC document type).");
        }

        if (data is null || string.IsNullOrWhiteSpace(contentType) || resource.Type is null || !DocumentTypes.Matches(contentType, data) || data.LongLength > DocumentTypes.MaxBytes)
        {
            return null;
        }

        var errored = resource.Status == DocumentReferenceStatus.EnteredInError;
        // Without a date of its own the document takes its visit's start, else the time it arrived (see PushRecordBundle).
        var date = resource.DateElement?.Value?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture)
            ?? attachment.Creation
            ?? resource.Context?.Period?.Start
            ?? "";

        var author = resource.Author.Select(FhirValues.Display).FirstOrDefault(a => a is not null);
        var title = attachment.Title ?? resource.Description ?? FhirValues.Text(resource.Type) ?? "Document";
        var encounter = resource.Context?.Encounter.FirstOrDefault();
        var isNote = resource.Category.Any(c => FhirValues.Has(c, "clinical-note", UsCoreCategory)) && contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
        if (isNote)
        {
            var kind = NoteKinds.FromLoinc(FhirValues.Code(resource.Type, CodeSystems.Loinc));
            var note = new ClinicalNote(FhirValues.Text(resource.Type) ?? title, kind, author, date, Encoding.UTF8.GetString(data).Trim(), FhirValues.Codes(resource.Type));
            return new MappedContent(new RecordContent(Note: note), errored, encounter);
        }

        var document = new ChartDocument(
            title, Kind(resource.Type), contentType.Split(';')[0].Trim(), data.LongLength, "", date, author, resource.Description, "", FhirValues.Codes(resource.Type));
        return new MappedContent(new RecordContent(Document: document), errored, encounter, new PushedBytes(data, contentType));
    }

    /// <summary>The kind from the LOINC document type, else from its words.</summary>
    private static DocumentKind Kind(CodeableConcept type)
    {
        var text = (FhirValues.Text(type) ?? "").ToLowerInvariant();
        return FhirValues.Code(type, CodeSystems.Loinc) switch
        {
            "18842-5" or "11490-0" or "100719-6" => DocumentKind.Discharge,
            "18748-4" or "18782-3" or "24725-4" or "30746-2" => DocumentKind.Imaging,
            "34109-9" when text.Contains("letter", StringComparison.Ordinal) => DocumentKind.Letter,
            _ when text.Contains("discharge", StringComparison.Ordinal) => DocumentKind.Discharge,
            _ when text.Contains("imaging", StringComparison.Ordinal) || text.Contains("radiology", StringComparison.Ordinal) => DocumentKind.Imaging,
            _ when text.Contains("letter", StringComparison.Ordinal) => DocumentKind.Letter,
            _ when text.Contains("form", StringComparison.Ordinal) || text.Contains("consent", StringComparison.Ordinal) => DocumentKind.Form,
            _ => DocumentKind.Other,
        };
    }
}
