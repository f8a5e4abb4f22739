using System.Text;
using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Clinical notes and documents as FHIR <c>DocumentReference</c>s meeting US Core's profile (status, a LOINC type,
/// category, subject, an attachment with its media type and its data or URL; the clinic as custodian). A note
/// carries its text as the attachment's data; a document points at its download endpoint, which checks access and
/// audits the download like any other read.
/// </summary>
public static class DocumentReferenceResource
{
    /// <summary>US Core DocumentReference.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference";

    /// <summary>US Core's document categories.</summary>
    public const string CategorySystem = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";

    // LOINC document types for documents sent without one.
    private static readonly IReadOnlyDictionary<DocumentKind, RecordCode> KindTypes = new Dictionary<DocumentKind, RecordCode>
    {
        [DocumentKind.Discharge] = new(CodeSystems.Loinc, "18842-5", "Discharge summary"),
        [DocumentKind.Letter] = new(CodeSystems.Loinc, "51852-2", "Letter"),
        [DocumentKind.Imaging] = new(CodeSystems.Loinc, "18748-4", "Diagnostic imaging study"),
        [DocumentKind.Form] = new(CodeSystems.Loinc, "34109-9", "Note"),
        [DocumentKind.Other] = new(CodeSystems.Loinc, "34109-9", "Note"),
    };

    /// <summary>A shared clinical note.</summary>
    public static DocumentReference From(RecordItem item, ClinicalNote note, FhirContext context) =>
        Reference(item, Type(note.Codes, note.Kind.Loinc(), note.Title), note.Author, context, new Attachment
        {
            ContentType = "text/plain; charset=utf-8",
            Data = Encoding.UTF8.GetBytes(note.Text),
            Title = note.Title,
            CreationElement = FhirResources.DateTime(note.Date, context),
        });

    /// <summary>A document whose bytes are a blob.</summary>
    public static DocumentReference From(RecordItem item, ChartDocument document, FhirContext context)
    {
        var resource = Reference(item, Type(document.Codes, KindTypes[document.Kind], document.Title), document.Author, context, new Attachment
        {
            ContentType = document.ContentType,
            Url = $"{context.ApiBase}/patients/{Uri.EscapeDataString(item.PatientId)}/documents/{item.ItemId}/content",
            SizeUnsignedInt = document.Size <= int.MaxValue ? (int)document.Size : null,
            Title = document.Title,
            CreationElement = FhirResources.DateTime(document.Date, context),
        });
        resource.Description = document.Description;
        return resource;
    }

    private static DocumentReference Reference(RecordItem item, CodeableConcept type, string? author, FhirContext context, Attachment attachment) => new()
    {
        Id = item.ItemId,
        Meta = FhirResources.Meta(item, Profile),
        Identifier = FhirResources.Identifiers(item),
        Status = item.Status == RecordStatus.EnteredInError ? DocumentReferenceStatus.EnteredInError : DocumentReferenceStatus.Current,
        Type = type,
        Category = [FhirResources.Coded(CategorySystem, "clinical-note", "Clinical Note")],
        Subject = FhirResources.Patient(item.PatientId),

        // DocumentReference.date is an instant: the item's clinical time.
        Date = item.ClinicalDate,
        Author = FhirResources.Named(author) is { } named ? [named] : [],
        Custodian = new ResourceReference { Display = context.ClinicName },
        Content = [new DocumentReference.ContentComponent { Attachment = attachment }],
        Context = FhirResources.Encounter(item) is { } visit ? new DocumentReference.ContextComponent { Encounter = [visit] } : null,
    };

    // US Core binds the type to LOINC document codes: the sent LOINC code when there is one, else the kind's.
    private static CodeableConcept Type(IReadOnlyList<RecordCode> sent, RecordCode fallback, string title)
    {
        var loinc = sent.Where(c => c.System == CodeSystems.Loinc).ToList();
        return FhirResources.Concept(loinc.Count > 0 ? loinc : [fallback], title);
    }
}
