using System.Globalization;
using System.Text.Json;
using PacsEdge.Dicom.Tests.Text.Referee;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Tests.Text;

/// <summary>
/// Each graphic character set, built from a .NET code page (plus CodePageCorrections), against
/// Python's own codecs at every code position: where both define a position they agree; every
/// position Python defines we define; every character we encode sits where Python decodes it.
/// (Our sets may define more positions than Python: vendor extensions are accepted on reading.)
/// </summary>
public class CharacterSetTableTests
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, int>>> PythonTables = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(
            PythonReferee.Run("python_charset_tables.py", []))!);

    public static TheoryData<string> SetNames()
    {
        var data = new TheoryData<string>();
        foreach (var set in GraphicCharacterSets.All.Where(s => !s.IsAsciiCompatible)) data.Add(set.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Set_agrees_with_python_codecs_at_every_position(string name)
    {
        var set = GraphicCharacterSets.All.Single(s => s.Name == name);
        var python = PythonTables.Value[name];
        Assert.True(python.Count >= 40, $"referee table for {name} has only {python.Count} positions");
        var problems = new List<string>();
        Span<byte> position = stackalloc byte[2];
        Span<byte> encoded = stackalloc byte[2];
        foreach (var code in Positions(set.BytesPerChar))
        {
            for (int k = 0; k < set.BytesPerChar; k++) position[k] = (byte)(code >> (8 * (set.BytesPerChar - 1 - k)));
            var key = code.ToString(set.BytesPerChar == 1 ? "X2" : "X4", CultureInfo.InvariantCulture);
            bool ours = set.TryDecode(position[..set.BytesPerChar], out char c);
            bool theirs = python.TryGetValue(key, out int expected);
            if (theirs && !ours) problems.Add($"{key}: Python U+{expected:X4}, ours undefined");
            else if (theirs && c != expected) problems.Add($"{key}: Python U+{expected:X4}, ours U+{(int)c:X4}");
            if (ours && set.TryEncode(c, encoded))
            {
                int back = set.BytesPerChar == 1 ? encoded[0] : (encoded[0] << 8) | encoded[1];
                var backKey = back.ToString(set.BytesPerChar == 1 ? "X2" : "X4", CultureInfo.InvariantCulture);
                if (!python.TryGetValue(backKey, out int there) ? !IconvAgrees(set, encoded, c) : there != c)
                    problems.Add($"U+{(int)c:X4} encodes to {backKey}, where Python has {(python.ContainsKey(backKey) ? $"U+{there:X4}" : "nothing")}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(40)));
    }

    /// <summary>
    /// Second referee where Python defines nothing: glibc iconv on the set's EUC form. Python's euc_kr
    /// reads KS X 1001 0x2454 (HANGUL FILLER) as the start of a composed syllable; iconv maps it to U+3164.
    /// </summary>
    private static bool IconvAgrees(GraphicCharacterSet set, ReadOnlySpan<byte> position, char c)
    {
        var (encoding, bytes) = set.Name switch
        {
            "ISO-IR 149" => ("EUC-KR", new[] { (byte)(position[0] | 0x80), (byte)(position[1] | 0x80) }),
            "ISO-IR 58" => ("EUC-CN", new[] { (byte)(position[0] | 0x80), (byte)(position[1] | 0x80) }),
            "ISO-IR 87" => ("EUC-JP", new[] { (byte)(position[0] | 0x80), (byte)(position[1] | 0x80) }),
            _ => ("", Array.Empty<byte>()),
        };
        if (encoding.Length == 0) return false;
        var start = new System.Diagnostics.ProcessStartInfo("iconv", ["-f", encoding, "-t", "UTF-16LE"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.BaseStream.Write(bytes);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) { process.Kill(); return false; }
        var utf16 = output.ToArray();
        return process.ExitCode == 0 && utf16.Length == 2 && (char)(utf16[0] | (utf16[1] << 8)) == c;
    }

    private static IEnumerable<int> Positions(int bytesPerChar)
    {
        if (bytesPerChar == 1)
        {
            for (int p = 0x20; p <= 0x7F; p++) yield return p;
            yield break;
        }
        for (int row = 0x21; row <= 0x7E; row++)
        for (int cell = 0x21; cell <= 0x7E; cell++)
            yield return (row << 8) | cell;
    }
}
