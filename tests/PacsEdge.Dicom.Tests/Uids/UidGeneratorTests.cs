using System.Numerics;
using PacsEdge.Dicom.Uids;

namespace PacsEdge.Dicom.Tests.Uids;

public class UidGeneratorTests
{
    [Fact]
    public void Uuid_derived_uids_are_valid_unique_and_version_4()
    {
        var generator = new DicomUidGenerator();
        var uids = Enumerable.Range(0, 2000).Select(_ => generator.Generate()).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        foreach (var uid in uids)
        {
            Assert.StartsWith("2.25.", uid);
            Assert.True(DicomUidGenerator.IsValid(uid), uid);
            var value = BigInteger.Parse(uid[5..]);
            Assert.True(value < BigInteger.One << 128);
            var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            var uuid = new byte[16];
            bytes.CopyTo(uuid, 16 - bytes.Length);
            Assert.Equal(0x40, uuid[6] & 0xF0); // version nibble of a random UUID (RFC 4122)
            Assert.Equal(0x80, uuid[8] & 0xC0); // variant bits
        }
    }

    [Fact]
    public void Org_root_uids_stay_within_64_characters()
    {
        var generator = new DicomUidGenerator("1.2.826.0.1.3680043.10.999");
        for (int i = 0; i < 500; i++)
        {
            var uid = generator.Generate();
            Assert.StartsWith("1.2.826.0.1.3680043.10.999.", uid);
            Assert.True(DicomUidGenerator.IsValid(uid), uid);
        }
    }

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("1.02.3", false)]
    [InlineData("1..3", false)]
    [InlineData("1.2.a", false)]
    [InlineData("", false)]
    [InlineData("1.2.840.10008.5.1.4.1.1.2.1.2.840.10008.5.1.4.1.1.2.1.2.840.10008.5.1", false)]
    public void Validates_PS3_5_uid_syntax(string uid, bool valid) => Assert.Equal(valid, DicomUidGenerator.IsValid(uid));

    [Fact]
    public void Rejects_an_unusable_root() => Assert.Throws<ArgumentException>(() => new DicomUidGenerator("1.2.x"));
}
