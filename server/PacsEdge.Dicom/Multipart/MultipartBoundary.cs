using System.Security.Cryptography;

namespace PacsEdge.Dicom.Multipart;

/// <summary>Boundary rules of RFC 2046 section 5.1.1, and random boundaries for the writer.</summary>
public static class MultipartBoundary
{
    /// <summary>RFC 2046: a boundary is 1 to 70 characters (what the writer sends).</summary>
    public const int MaxLength = 70;

    /// <summary>
    /// The longest boundary the reader accepts. Longer than RFC 2046's 70 because real peers exceed it:
    /// Orthanc 1.10's DICOMweb client (STOW-RS) sends two GUIDs joined by '-', 73 characters.
    /// </summary>
    public const int MaxReadLength = 200;

    /// <summary>Length of <see cref="Generate"/>'s boundaries: 40 characters of 62 give 238 random bits.</summary>
    public const int GeneratedLength = 40;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// A fresh random boundary of letters and digits. A writer cannot check that a streamed body does not
    /// hold it, so the boundary is long enough that a collision is not a practical concern.
    /// </summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, GeneratedLength);

    /// <summary>
    /// Checks a boundary the reader is asked to find. Bounded in length (1 to <see cref="MaxReadLength"/>) and
    /// tolerant on characters: any printable ASCII is accepted, not only RFC 2046's
    /// bchars, because the boundary arrives quoted and some clients use other characters; a trailing
    /// space is rejected (RFC 2046 forbids it, and transport padding would make it ambiguous).
    /// </summary>
    public static void ValidateForReading(string boundary)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        if (boundary.Length == 0) throw new MultipartFormatException("the boundary parameter is empty");
        if (boundary.Length > MaxReadLength)
            throw new MultipartFormatException($"the boundary is {boundary.Length} characters long; at most {MaxReadLength} are accepted (RFC 2046 allows {MaxLength})");
        foreach (var c in boundary)
            if (c is < ' ' or > '~')
                throw new MultipartFormatException($"the boundary holds the character U+{(int)c:X4}, which is not printable ASCII");
        if (boundary[^1] == ' ') throw new MultipartFormatException("the boundary ends with a space (RFC 2046 forbids it)");
    }

    /// <summary>True when the boundary follows RFC 2046's bchars strictly (what the writer sends).</summary>
    public static bool IsStrictlyValid(string boundary) =>
        boundary.Length is > 0 and <= MaxLength
        && boundary[^1] != ' '
        && boundary.All(c => c == ' ' || HttpGrammar.IsBoundaryCharNoSpace(c));
}
