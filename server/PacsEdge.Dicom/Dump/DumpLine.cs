using System.Globalization;
using System.Text;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// One dcmdump line: two spaces of indentation per nesting level, "(gggg,eeee) VR value" with the value
/// padded to 40 characters, then "# length, VM keyword" with the length right-aligned in 3 (or more) and the VM
/// in 2 columns ("u/l" for an undefined length). Tags are printed in lower-case hex, as dcmdump does.
/// </summary>
internal static class DumpLine
{
    private const int ValueColumnWidth = 40;

    public static void Write(TextWriter writer, int level, DicomTag tag, string vr, string value, long? length, int vm, string keyword)
    {
        var line = new StringBuilder(128);
        line.Append(' ', 2 * level);
        line.Append('(').Append(tag.Group.ToString("x4", CultureInfo.InvariantCulture)).Append(',')
            .Append(tag.Element.ToString("x4", CultureInfo.InvariantCulture)).Append(") ");
        line.Append(vr).Append(' ');
        line.Append(value);
        if (value.Length < ValueColumnWidth) line.Append(' ', ValueColumnWidth - value.Length);
        line.Append(" #");
        string lengthText = length is { } n ? n.ToString(CultureInfo.InvariantCulture) : "u/l";
        line.Append(' ').Append(lengthText.PadLeft(3)).Append(',');
        line.Append(vm.ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append(' ');
        line.Append(keyword);
        writer.Write(line.Append('\n').ToString());
    }
}
