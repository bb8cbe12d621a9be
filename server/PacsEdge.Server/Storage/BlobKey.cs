using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Storage;

/// <summary>
/// A blob's name: the SHA-256 of its bytes as 64 lowercase hexadecimal digits. Content addressing was chosen
/// over UID-derived names because the name is known the moment the bytes are (no parse before the write),
/// the name doubles as the integrity check, identical bytes are stored once, and an overwrite lands beside
/// the old file instead of on top of it, so the index can switch atomically. Only hex digits ever reach a
/// path, so no input can steer one outside the data directory.
/// </summary>
public readonly record struct BlobKey
{
    public const int Length = 64;

    public string Value { get; }

    private BlobKey(string value) => Value = value;

    public static BlobKey FromSha256(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32) throw new ArgumentException("a SHA-256 hash has 32 bytes", nameof(hash));
        return new BlobKey(Convert.ToHexStringLower(hash));
    }

    /// <summary>Accepts exactly 64 ASCII hex digits (either case); anything else is <see cref="ErrorCode.InvalidBlobKey"/>.</summary>
    public static BlobKey Parse(string? text)
    {
        if (!TryParse(text, out var key))
            throw new PacsEdgeException(ErrorCode.InvalidBlobKey, "A blob key is the SHA-256 of the blob as 64 hexadecimal digits.");
        return key;
    }

    public static bool TryParse(string? text, out BlobKey key)
    {
        key = default;
        if (text is null || text.Length != Length) return false;
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        key = new BlobKey(text.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value ?? "";
}
