using System.Text;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>Runs the referee, dcmtk's dcmdump, and keeps its output as bytes read as Latin-1 (one char per byte).</summary>
internal static class Dcmdump
{
    public static (int ExitCode, string Output) Run(string path, params string[] flags)
    {
        var result = ExternalTool.Run("dcmdump", [.. flags, path]);
        return (result.ExitCode, Encoding.Latin1.GetString(result.StdOutBytes));
    }
}
