using System.Security.Cryptography;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Storage;

public class BlobKeyTests
{
    public static TheoryData<string> HostileKeys() =>
    [
        "",
        "..",
        "../../../../etc/passwd",
        "/etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        new string('a', 63),
        new string('a', 65),
        "../" + new string('a', 61),
        new string('a', 31) + "/" + new string('a', 32),
        new string('a', 31) + "\\" + new string('a', 32),
        new string('a', 63) + "\0",
        new string('g', 64),
        new string('a', 62) + "\u0661\u0662", // Arabic-Indic digits are digits, but not ASCII hex
        new string('a', 62) + "\uff41\uff42", // fullwidth a, b
        " " + new string('a', 63),
    ];

    [Theory]
    [MemberData(nameof(HostileKeys))]
    public async Task Hostile_keys_are_refused_before_any_path_is_built(string text)
    {
        Assert.False(BlobKey.TryParse(text, out _));
        var e = Assert.Throws<PacsEdgeException>(() => BlobKey.Parse(text));
        Assert.Equal(ErrorCode.InvalidBlobKey, e.Code);
        Assert.Equal(400, e.Code.HttpStatus());

        using var setup = new BlobStoreSetup();
        var opened = await Assert.ThrowsAsync<PacsEdgeException>(async () => await setup.Store.OpenReadAsync(BlobKey.Parse(text)));
        Assert.Equal(ErrorCode.InvalidBlobKey, opened.Code);
    }

    [Fact]
    public void Every_valid_key_maps_to_a_file_inside_the_blobs_folder()
    {
        var paths = new BlobPaths("/data/blobs", "/data/tmp");
        for (var i = 0; i < 1000; i++)
        {
            var key = BlobKey.FromSha256(RandomNumberGenerator.GetBytes(32));
            var file = paths.FileOf(key);
            Assert.Equal(file, Path.GetFullPath(file));
            Assert.StartsWith("/data/blobs/" + key.Value[..2] + "/" + key.Value[2..4] + "/", file);
            Assert.EndsWith(key.Value, file);
        }
    }

    [Fact]
    public void Upper_case_hex_names_the_same_blob()
    {
        var lower = BlobKey.Parse("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Assert.Equal(lower, BlobKey.Parse("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    }
}
