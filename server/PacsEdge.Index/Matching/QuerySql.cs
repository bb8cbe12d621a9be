using Dapper;
using PacsEdge.Dicom;

namespace PacsEdge.Index.Matching;

/// <summary>A built query: its text, parameters, which result column holds which tag, and the keys it could not apply.</summary>
internal sealed record QuerySql(
    string Sql, DynamicParameters Parameters, IReadOnlyList<(string Column, DicomTag Tag)> Columns,
    IReadOnlyList<DicomTag> UnsupportedMatchKeys);
