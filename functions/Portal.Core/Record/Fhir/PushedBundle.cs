namespace Portal.Core.Record.Fhir;

/// <summary>A transaction Bundle read into the record's terms, before it meets the stored record.</summary>
/// <param name="Mrn">The patient's medical record number, as the Bundle names them.</param>
/// <param name="Entries">One per request entry, in order.</param>
internal sealed record PushedBundle(string Mrn, IReadOnlyList<PushedEntry> Entries);

/// <summary>One request entry.</summary>
/// <param name="Index">Its position in the Bundle.</param>
/// <param name="ResourceType">Its resource type.</param>
/// <param name="Item">The item it creates or updates; null for the Patient (matched, not written) and Binary (stored with its document).</param>
internal sealed record PushedEntry(int Index, string ResourceType, PushedItem? Item);

/// <summary>What a request entry says about one item.</summary>
/// <param name="Identifiers">The sender's identifiers: the conditional one first; any of them finds the stored item.</param>
/// <param name="CreateOnly">A conditional create (<c>ifNoneExist</c>): an existing item is left as it is.</param>
/// <param name="Mapped">The content and what it references.</param>
/// <param name="Confidential">Labelled restricted (adolescent-confidential).</param>
/// <param name="Visit">The sender's identifier of the visit it was recorded at, if it names one.</param>
internal sealed record PushedItem(IReadOnlyList<SourceIdentifier> Identifiers, bool CreateOnly, MappedContent Mapped, bool Confidential, SourceIdentifier? Visit);
