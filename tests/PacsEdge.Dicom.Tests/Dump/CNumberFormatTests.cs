using System.Diagnostics;
using System.Globalization;
using PacsEdge.Dicom.Dump;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>Our "%.Pg" against C's own, as Python's % operator applies it to the very same doubles (passed as hex).</summary>
public class CNumberFormatTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(17)]
    public void Matches_C_printf_g(int precision)
    {
        var random = new Random(20240611);
        var values = new List<double>
        {
            1, -1, 0.5, 1e-4, 9.99999999999e-5, 1e-5, 123456789, 1234567890, 1e16, 1e17, 9.9999999999, 99999.99999999,
            0.1, 1.0 / 3, -275.0909119, 179.03579711914062, float.Epsilon, double.Epsilon, double.MaxValue, 1e300, 862399761.11107898,
        };
        for (int i = 0; i < 200; i++)
            values.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 20)));
        for (int i = 0; i < 100; i++)
            values.Add(BitConverter.Int32BitsToSingle(random.Next())); // floats as dcmdump prints FL
        values.RemoveAll(v => double.IsNaN(v) || double.IsInfinity(v) || v == 0);

        var expected = PythonPrintf(precision, values);
        for (int i = 0; i < values.Count; i++)
            Assert.True(expected[i] == CNumberFormat.G(values[i], precision), $"{values[i]:R}: C says {expected[i]}, we say {CNumberFormat.G(values[i], precision)}");
    }

    [Fact]
    public void Negative_zero_prints_as_dcmdump_prints_it() => Assert.Equal("0", CNumberFormat.G(-0.0, 9));

    private static string[] PythonPrintf(int precision, List<double> values)
    {
        var hex = string.Join(",", values.Select(v => "'" + BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture) + "'"));
        string script = "import struct\n" +
            $"for h in [{hex}]: print('%.{precision}g' % struct.unpack('>d', bytes.fromhex(h))[0])";
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "python3 timed out");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
