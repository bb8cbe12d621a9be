using System.Numerics;
using System.Security.Cryptography;

namespace PacsEdge.Dicom.Uids;

/// <summary>
/// New UIDs. Without an organisation root: "2.25." followed by a random 128-bit UUID as a decimal
/// integer (PS3.5 B.2), which needs no registration. With a root from configuration: root + "." +
/// a random 96-bit decimal, kept within UI's 64 characters.
/// </summary>
public sealed class DicomUidGenerator(string? orgRoot = null)
{
    public const int MaxLength = 64;

    private readonly string? _root = Validate(orgRoot);

    public string Generate()
    {
        if (_root is null)
        {
            Span<byte> uuid = stackalloc byte[16];
            RandomNumberGenerator.Fill(uuid);
            uuid[6] = (byte)((uuid[6] & 0x0F) | 0x40); // version 4
            uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
            return "2.25." + new BigInteger(uuid, isUnsigned: true, isBigEndian: true).ToString();
        }
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        var suffix = new BigInteger(random, isUnsigned: true, isBigEndian: true).ToString();
        var uid = _root + "." + suffix.TrimStart('0');
        return uid.Length <= MaxLength ? uid : uid[..MaxLength].TrimEnd('.');
    }

    /// <summary>PS3.5 9.1: digits and dots, components without leading zeros, at most 64 characters.</summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength) return false;
        foreach (var part in uid.Split('.'))
        {
            if (part.Length == 0 || !part.All(char.IsAsciiDigit)) return false;
            if (part.Length > 1 && part[0] == '0') return false;
        }
        return true;
    }

    private static string? Validate(string? root)
    {
        if (string.IsNullOrWhiteSpace(root)) return null;
        root = root.Trim().TrimEnd('.');
        if (!IsValid(root) || root.Length > 30)
            throw new ArgumentException($"'{root}' is not a usable UID root (digits and dots, at most 30 characters)");
        return root;
    }
}
