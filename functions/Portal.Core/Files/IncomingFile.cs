namespace Portal.Core.Files;

/// <summary>A file as a caller sent it: the bytes, what they said it is, and what to call it.</summary>
/// <param name="FileName">The caller's file name, used only as the download name.</param>
/// <param name="DeclaredType">The Content-Type the caller sent.</param>
/// <param name="Content">The bytes, read whole (uploads are at most tens of megabytes).</param>
public sealed record IncomingFile(string FileName, string DeclaredType, ReadOnlyMemory<byte> Content);
