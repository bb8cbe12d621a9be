using System.Buffers.Binary;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// Byte-level mutations of a seed file, each described in words so a failing case can be read and
/// replayed. All randomness comes from the <see cref="Random"/> passed in, so a case is a pure
/// function of its seed.
/// </summary>
public static class FuzzMutator
{
    /// <summary>Applies 1-3 stacked mutations to a copy of <paramref name="seed"/>; returns the bytes and what was done.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] seed, Random random)
    {
        var bytes = seed;
        var steps = new List<string>();
        int count = random.Next(100) < 70 ? 1 : random.Next(2, 4);
        for (int i = 0; i < count; i++)
        {
            var (mutated, what) = MutateOnce(bytes, random);
            bytes = mutated;
            steps.Add(what);
        }
        return (bytes, string.Join("; then ", steps));
    }

    private static (byte[], string) MutateOnce(byte[] b, Random r)
    {
        if (b.Length == 0) return (InsertRun(b, r));
        return r.Next(9) switch
        {
            0 => FlipBit(b, r),
            1 => FlipByte(b, r),
            2 => InsertRun(b, r),
            3 => DeleteRun(b, r),
            4 => Truncate(b, r),
            5 or 6 => OverwriteLength(b, r),
            7 => DuplicateRange(b, r),
            _ => OverwriteInteresting(b, r, r.Next(b.Length)),
        };
    }

    private static (byte[], string) FlipBit(byte[] b, Random r)
    {
        var c = (byte[])b.Clone();
        int at = r.Next(c.Length), bit = r.Next(8);
        c[at] ^= (byte)(1 << bit);
        return (c, $"flip bit {bit} at {at}");
    }

    private static (byte[], string) FlipByte(byte[] b, Random r)
    {
        var c = (byte[])b.Clone();
        int at = r.Next(c.Length);
        byte value = (byte)r.Next(256);
        c[at] = value;
        return (c, $"set byte {at} to 0x{value:X2}");
    }

    private static (byte[], string) InsertRun(byte[] b, Random r)
    {
        int at = r.Next(b.Length + 1), n = 1 + r.Next(r.Next(2) == 0 ? 8 : 256);
        var run = new byte[n];
        if (r.Next(2) == 0) r.NextBytes(run); else Array.Fill(run, (byte)r.Next(256));
        return ([.. b.AsSpan(0, at), .. run, .. b.AsSpan(at)], $"insert {n} bytes at {at}");
    }

    private static (byte[], string) DeleteRun(byte[] b, Random r)
    {
        int at = r.Next(b.Length), n = 1 + r.Next(Math.Min(b.Length - at, r.Next(2) == 0 ? 8 : 1024));
        return ([.. b.AsSpan(0, at), .. b.AsSpan(at + n)], $"delete {n} bytes at {at}");
    }

    private static (byte[], string) Truncate(byte[] b, Random r)
    {
        int at = r.Next(b.Length);
        return (b[..at], $"truncate to {at} bytes");
    }

    /// <summary>Copies a range and inserts the copy elsewhere (repeated elements, items, fragments).</summary>
    private static (byte[], string) DuplicateRange(byte[] b, Random r)
    {
        int from = r.Next(b.Length), n = 1 + r.Next(Math.Min(b.Length - from, 2048)), to = r.Next(b.Length + 1);
        return ([.. b.AsSpan(0, to), .. b.AsSpan(from, n), .. b.AsSpan(to)], $"duplicate {n} bytes from {from} to {to}");
    }

    /// <summary>
    /// Hits a real length field: after an explicit VR code (16- or 32-bit length) or an item tag,
    /// found by scanning the bytes, so lying lengths are tried far more often than by chance.
    /// </summary>
    private static (byte[], string) OverwriteLength(byte[] b, Random r)
    {
        var fields = LengthFields(b);
        if (fields.Count == 0) return OverwriteInteresting(b, r, r.Next(b.Length));
        var (at, wide) = fields[r.Next(fields.Count)];
        if (wide) return OverwriteInteresting(b, r, at);
        var c = (byte[])b.Clone();
        long rest = c.Length - (at + 2);
        ushort value = (ushort)Math.Clamp(PickInteresting(r, rest), 0, 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(c.AsSpan(at), value);
        return (c, $"16-bit length at {at} set to 0x{value:X4}");
    }

    private static (byte[], string) OverwriteInteresting(byte[] b, Random r, int at)
    {
        if (b.Length < 4) return FlipByte(b, r);
        at = Math.Min(at, b.Length - 4);
        var c = (byte[])b.Clone();
        uint value = (uint)PickInteresting(r, c.Length - (at + 4));
        bool bigEndian = r.Next(4) == 0;
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(c.AsSpan(at), value);
        else BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(at), value);
        return (c, $"32-bit {(bigEndian ? "BE" : "LE")} at {at} set to 0x{value:X8}");
    }

    /// <summary>Values that break length arithmetic: undefined, sign edges, zero, and just past the end.</summary>
    private static long PickInteresting(Random r, long bytesAfterField) => r.Next(10) switch
    {
        0 => 0xFFFFFFFF,
        1 => 0x7FFFFFFF,
        2 => 0x80000000,
        3 => 0,
        4 => 0xFFFFFFFE,
        5 => 0xFFFF,
        _ => Math.Max(0, bytesAfterField + r.Next(-1, 9)),
    };

    private static List<(int At, bool Wide)> LengthFields(byte[] b)
    {
        var fields = new List<(int, bool)>();
        for (int i = 4; i + 4 <= b.Length; i++)
        {
            if (b[i - 4] == 0xFE && b[i - 3] == 0xFF && b[i - 2] == 0x00 && b[i - 1] is 0xE0 or 0xDD or 0x0D)
                fields.Add((i, true)); // item / delimiter length
            else if (i + 4 <= b.Length && DicomVRInfo.TryParse(b[i - 2], b[i - 1], out var vr))
            {
                if (vr.HasLongExplicitLength()) { if (i + 6 <= b.Length) fields.Add((i + 2, true)); }
                else fields.Add((i, false));
            }
        }
        return fields;
    }
}
