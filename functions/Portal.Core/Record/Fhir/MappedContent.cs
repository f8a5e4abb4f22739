using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>A pushed resource read into the record's terms.</summary>
/// <param name="Content">What the item says (a document's blob fields are filled once its bytes are stored).</param>
/// <param name="EnteredInError">The sender says it was recorded by mistake.</param>
/// <param name="Encounter">The visit it was recorded at, as the resource references it.</param>
/// <param name="Bytes">A document's bytes and media type, to store as a blob.</param>
internal sealed record MappedContent(RecordContent Content, bool EnteredInError, ResourceReference? Encounter, PushedBytes? Bytes = null);

/// <summary>A document's bytes as pushed (inline or in a Binary entry).</summary>
/// <param name="Data">The bytes.</param>
/// <param name="ContentType">The declared media type.</param>
public sealed record PushedBytes(byte[] Data, string ContentType);
