using System.Text;

namespace PacsEdge.Dicom.Text;

/// <summary>
/// The .NET code pages the character sets are built from. CodePagesEncodingProvider (part of the
/// shared framework) supplies the ISO 8859 parts, windows-874, EUC-JP/KR, GB2312 and GB18030;
/// it is registered once, before the first lookup.
/// </summary>
internal static class CodePageEncodings
{
    public const int Latin1 = 28591;
    public const int Latin2 = 28592;
    public const int Latin3 = 28593;
    public const int Latin4 = 28594;
    public const int Cyrillic = 28595;
    public const int Arabic = 28596;
    public const int Greek = 28597;
    public const int Hebrew = 28598;
    public const int Latin5 = 28599;
    public const int Latin9 = 28605;
    public const int Thai = 874;          // windows-874: TIS 620 plus vendor extras in 0x80-0x9F
    public const int EucJp = 20932;       // JIS X 0208 as EUC, and JIS X 0212 as (row | 0x80, cell)
    public const int EucKr = 51949;       // KS X 1001 as EUC
    public const int EucCn = 20936;       // GB 2312 as EUC
    public const int Gbk = 936;
    public const int Gb18030 = 54936;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>The code page with '?' / U+FFFD replacement (never throws on bad data).</summary>
    public static Encoding Get(int codePage)
    {
        _ = Registered.Value;
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>The code page with exception fallbacks, for probing whether a code is defined.</summary>
    public static Encoding GetStrict(int codePage)
    {
        _ = Registered.Value;
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
