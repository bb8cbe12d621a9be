using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace PacsEdge.Phantom;

/// <summary>
/// UIDs derived from the seed: "2.25." and a version-4-shaped UUID taken from SHA-256(seed, purpose) as a
/// decimal (PS3.5 B.2). The same seed gives the same UIDs, so a generated study is stored once.
/// </summary>
internal static class SeededUids
{
    public static string For(int seed, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"pacsedge-phantom/{seed}/{purpose}"));
        var uuid = hash.AsSpan(0, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x40);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(uuid, isUnsigned: true, isBigEndian: true).ToString();
    }
}
