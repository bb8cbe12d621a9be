using System.Diagnostics;
using System.Text;
using PacsEdge.Dicom.Multipart;
using Xunit.Abstractions;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// Bounded mutation fuzzing (fixed seed) of the multipart reader and the media type parser. Oracles:
/// only <see cref="MultipartFormatException"/> / <see cref="MediaTypeFormatException"/> may escape;
/// no case takes more than 5 s (a hang or quadratic blow-up; thread-pool stalls make single cases take up to ~1 s under load); a body read three ways (whole, 1-13 byte reads sync, up to 4 KiB
/// async) gives the same parts or the same error at the same offset; a parsed media type formats to
/// text that parses back to the same thing. PACSEDGE_FUZZ_CASES overrides the case count.
/// </summary>
public class MultipartFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261123;
    private const string Boundary = "B0und'()+_,-./:=?ary";
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("PACSEDGE_FUZZ_CASES"), out var n) ? n : 5_000;

    private static readonly MultipartReaderOptions SmallLimits = new()
    {
        BufferSize = 1024, MaxHeaderLineLength = 300, MaxHeaderCount = 6, MaxHeadersLength = 1200,
        MaxPreambleLength = 3000, MaxTransportPadding = 40, MaxPartBodyLength = 20_000, MaxPartCount = 12,
    };

    [Fact]
    public async Task Mutated_bodies_parse_or_fail_with_MultipartFormatException_alike_whatever_the_read_sizes()
    {
        var seeds = SeedBodies();
        var random = new Random(Seed);
        int accepted = 0, rejected = 0;
        var slowest = TimeSpan.Zero;
        var campaign = Task.Run(() =>
        {
            for (int i = 0; i < Cases; i++)
            {
                var body = Mutate(random, seeds[random.Next(seeds.Length)]);
                var options = random.Next(2) == 0 ? SmallLimits : null;
                var watch = Stopwatch.StartNew();
                var outcomes = new[]
                {
                    Outcome(() => MultipartTestReading.ReadAll(new MultipartReader(new MemoryStream(body), Boundary, options), new Random(i), async: false)),
                    Outcome(() => MultipartTestReading.ReadAll(body, Boundary, seed: i, maxChunk: 13, async: false, options: options)),
                    Outcome(() => MultipartTestReading.ReadAll(body, Boundary, seed: i, maxChunk: 4096, async: true, options: options)),
                };
                if (watch.Elapsed > slowest) slowest = watch.Elapsed;
                string context = $"case {i} (seed {Seed}), body {Convert.ToBase64String(body)}";
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{context} took {watch.Elapsed}");
                Assert.True(outcomes.All(o => o == outcomes[0]), $"{context}: outcomes differ:\n{string.Join("\n", outcomes)}");
                if (outcomes[0].StartsWith("error")) rejected++;
                else accepted++;
            }
        });
        await campaign.WaitAsync(TimeSpan.FromMinutes(2)); // a TimeoutException here means a case hangs
        output.WriteLine($"{Cases} cases: {accepted} accepted, {rejected} rejected; slowest case {slowest.TotalMilliseconds:F1} ms");
        Assert.True(accepted > Cases / 20 && rejected > Cases / 20, $"mutations too weak or too strong: {accepted} accepted, {rejected} rejected");
    }

    /// <summary>The parts (lengths and a digest of headers and bodies) or the error; anything else fails the test.</summary>
    private static string Outcome(Func<List<ReadPart?>> read)
    {
        try
        {
            var parts = read();
            return "parts " + string.Join("|", parts.Select(p => p is null ? "skipped" :
                $"{string.Join(";", p.Headers.Select(h => h.Key + "=" + h.Value))}#{p.Body.Length}#{Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(p.Body))}"));
        }
        catch (MultipartFormatException e)
        {
            return $"error at {e.Offset}: {e.Reason}";
        }
    }

    private static byte[][] SeedBodies()
    {
        var random = new Random(Seed);
        var seeds = new List<byte[]>();
        for (int k = 0; k < 3; k++)
        {
            var output = new MemoryStream();
            var writer = new MultipartWriter(output, boundary: Boundary);
            for (int p = 0; p < 3; p++)
            {
                var part = new byte[random.Next(0, 3000)];
                random.NextBytes(part);
                var headers = new MultipartHeaders("application/dicom; transfer-syntax=1.2.840.10008.1.2.1").Add("Content-Location", $"/x/{p}");
                if (p == 1) headers.Add("Content-Length", part.Length.ToString());
                writer.WritePartAsync(headers, part).GetAwaiter().GetResult();
            }
            writer.CompleteAsync().GetAwaiter().GetResult();
            seeds.Add(output.ToArray());
        }
        string b = Boundary;
        seeds.Add(Encoding.Latin1.GetBytes($"preamble\n--{b}  \nContent-Type: application/dicom\n X-Folded: yes\n\nDICM\n\r\n--{b}\n\nsecond\n--{b}-- \nepilogue"));
        seeds.Add(Encoding.Latin1.GetBytes($"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.dcm\"\r\nContent-Type: application/dicom\r\n\r\n\0\0DICM\r\n--{b[..5]}\r\n--{b}--\r\n"));
        seeds.Add(Encoding.Latin1.GetBytes($"\r\n--{b}\r\nContent-Type: application/dicom\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: binary\r\n\r\nII*\0\r\n--{b}--\r\n"));
        return [.. seeds];
    }

    private static readonly byte[][] Snippets =
    [
        Encoding.ASCII.GetBytes("--" + Boundary), Encoding.ASCII.GetBytes("\r\n--" + Boundary), Encoding.ASCII.GetBytes("\n--" + Boundary + "--"),
        "\r\n"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), ": "u8.ToArray(), "\r\n\r\n"u8.ToArray(), "Content-Length: 5\r\n"u8.ToArray(),
        "Content-Length: 99999999999999999999\r\n"u8.ToArray(), "\t"u8.ToArray(), "--"u8.ToArray(), [0], [0xFF],
    ];

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var data = new List<byte>(seed);
        for (int m = random.Next(1, 5); m > 0; m--)
        {
            int at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(9))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when data.Count > 0: data[at] = "\r\n-: \t\0"u8[random.Next(7)]; break;
                case 2: data.InsertRange(at, Snippets[random.Next(Snippets.Length)]); break;
                case 3: data.RemoveRange(at, Math.Min(random.Next(1, 64), data.Count - at)); break;
                case 4 when data.Count > 0:
                    int len = Math.Min(random.Next(1, 200), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, len));
                    break;
                case 5: data.RemoveRange(at, data.Count - at); break;
                case 6: data = [.. Encoding.Latin1.GetBytes(Encoding.Latin1.GetString([.. data]).Replace("\r\n", "\n"))]; break;
                case 7: data.InsertRange(at, Enumerable.Repeat("a :\t-"u8[random.Next(5)], random.Next(1, 5000))); break;
                default: break;
            }
        }
        return [.. data];
    }

    [Fact]
    public void Mutated_media_types_parse_and_format_back_or_fail_with_MediaTypeFormatException()
    {
        string[] seeds =
        [
            "multipart/related; type=\"application/dicom\"; boundary=\"a\\\"b\"; transfer-syntax=*",
            "multipart/related; type=application/octet-stream; transfer-syntax=*",
            "multipart/related; type=\"application/dicom\"; transfer-syntax=*, application/dicom+json;q=0.5, */*;q=0.1",
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
            "application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50;q=0.9;ext=1",
        ];
        const string alphabet = ";,=\"\\/ *q.0123456789\t\u0001\u00e9aZ-+";
        var random = new Random(Seed);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (int m = random.Next(1, 4); m > 0; m--)
            {
                int at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 1 when at < text.Length: text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)); break;
                    default: if (at < text.Length) text[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            string value = text.ToString();
            try
            {
                foreach (var m in MediaType.ParseAccept(value))
                {
                    var again = Assert.Single(MediaType.ParseAccept(m.ToString()));
                    Assert.True(again.ToString() == m.ToString() && again.Parameters.SequenceEqual(m.Parameters), $"'{value}': '{m}' does not parse back");
                }
                var single = MediaType.Parse(value);
                Assert.Equal(single.Parameters, MediaType.Parse(single.ToString()).Parameters);
                parsed++;
            }
            catch (MediaTypeFormatException e)
            {
                Assert.InRange(e.Position, 0, value.Length);
                rejected++;
            }
            try { MultipartReader.ForContentType(Stream.Null, value); }
            catch (MediaTypeFormatException) { }
            catch (MultipartFormatException) { }
        }
        output.WriteLine($"{Cases} media types: {parsed} parsed, {rejected} rejected");
        Assert.True(parsed > 0 && rejected > 0);
    }
}
