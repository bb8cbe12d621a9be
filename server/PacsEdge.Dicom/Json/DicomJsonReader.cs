using System.Text;
using System.Text.Json;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// Reads the DICOM JSON model (PS3.18 Annex F) into <see cref="DicomDataset"/>s: numbers back to
/// their binary or IS/DS text, PN objects back to '='-joined groups, InlineBinary decoded,
/// BulkDataURI resolved through the options or kept as a <see cref="DicomJsonBulkDataReference"/>.
/// Any input that is not valid DICOM JSON throws <see cref="DicomFormatException"/> (with the tag when
/// the problem is inside an attribute) and nothing else.
/// </summary>
public static class DicomJsonReader
{
    /// <summary>Reads one data set: a JSON object.</summary>
    public static DicomDataset Read(ReadOnlyMemory<byte> utf8Json, DicomJsonReaderOptions? options = null)
    {
        options ??= DicomJsonReaderOptions.Default;
        using var document = Parse(utf8Json, options);
        return Guarded(() => ReadDataset(document.RootElement, options), null);
    }

    public static DicomDataset Read(string json, DicomJsonReaderOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(json), options);

    public static DicomDataset Read(Stream utf8Json, DicomJsonReaderOptions? options = null) =>
        Read(ReadAll(utf8Json), options);

    /// <summary>Reads a JSON array of data sets (a QIDO-RS or WADO-RS metadata response).</summary>
    public static IReadOnlyList<DicomDataset> ReadArray(ReadOnlyMemory<byte> utf8Json, DicomJsonReaderOptions? options = null)
    {
        options ??= DicomJsonReaderOptions.Default;
        using var document = Parse(utf8Json, options);
        return Guarded(() =>
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array) throw Error("expected a JSON array of data sets", null);
            return root.EnumerateArray().Select(e => ReadDataset(e, options)).ToList();
        }, null);
    }

    /// <summary>Reads one data set from an already parsed JSON object.</summary>
    public static DicomDataset Read(JsonElement dataset, DicomJsonReaderOptions? options = null) =>
        Guarded(() => ReadDataset(dataset, options ?? DicomJsonReaderOptions.Default), null);

    private static DicomDataset ReadDataset(JsonElement json, DicomJsonReaderOptions options)
    {
        var dataset = new DicomDataset();
        ReadInto(dataset, json, null, -1, 0, options);
        return dataset;
    }

    private static void ReadInto(DicomDataset dataset, JsonElement json, DicomTagPath? sequence, int item, int depth, DicomJsonReaderOptions options)
    {
        if (json.ValueKind != JsonValueKind.Object) throw Error($"expected a data set object, found {json.ValueKind}", sequence?.Tag);
        var attributes = new List<(DicomTag Tag, JsonElement Value)>();
        var seen = new HashSet<DicomTag>();
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Length != 8 || !property.Name.All(char.IsAsciiHexDigit) || !DicomTag.TryParse(property.Name, out var tag))
                throw Error($"'{property.Name}' is not an attribute tag (8 hex digits)", sequence?.Tag);
            if (!seen.Add(tag)) throw Error("attribute given twice", tag);
            attributes.Add((tag, property.Value));
        }
        // Tag order: (0008,0005) comes before the text it decides the encoding of.
        attributes.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        foreach (var (tag, value) in attributes)
        {
            var path = sequence is null ? DicomTagPath.TopLevel(tag) : sequence.Child(item, tag);
            ReadAttribute(dataset, path, value, depth, options);
        }
    }

    private static void ReadAttribute(DicomDataset dataset, DicomTagPath path, JsonElement json, int depth, DicomJsonReaderOptions options)
    {
        var tag = path.Tag;
        if (json.ValueKind != JsonValueKind.Object) throw Error($"expected an attribute object, found {json.ValueKind}", tag);
        DicomVR vr = DicomVR.None;
        JsonElement? value = null, inline = null, uri = null;
        foreach (var member in json.EnumerateObject())
        {
            switch (member.Name)
            {
                case "vr":
                    if (member.Value.ValueKind != JsonValueKind.String || !DicomVRInfo.TryParse(member.Value.GetString(), out vr))
                        throw Error($"invalid \"vr\" {member.Value.GetRawText()}", tag);
                    break;
                case "Value": value = member.Value; break;
                case "InlineBinary": inline = member.Value; break;
                case "BulkDataURI": uri = member.Value; break;
                default: throw Error($"unknown member \"{member.Name}\" in an attribute", tag);
            }
        }
        if (vr == DicomVR.None) throw Error("attribute without \"vr\"", tag);
        if ((value.HasValue ? 1 : 0) + (inline.HasValue ? 1 : 0) + (uri.HasValue ? 1 : 0) > 1)
            throw Error("more than one of \"Value\", \"InlineBinary\", \"BulkDataURI\"", tag);

        if (vr == DicomVR.SQ)
        {
            if (inline.HasValue || uri.HasValue) throw Error("a sequence holds its items in \"Value\"", tag);
            ReadSequence(dataset, path, value, depth, options);
        }
        else if (inline is { } b64)
        {
            if (b64.ValueKind != JsonValueKind.String || !b64.TryGetBytesFromBase64(out var bytes))
                throw Error("\"InlineBinary\" is not a base64 string", tag);
            DicomItem item = tag == DicomTags.PixelData && DicomJsonEncapsulated.TryDecode(bytes, tag, vr) is { } fragments
                ? fragments : new DicomElement(tag, vr, bytes);
            dataset.AddOrReplace(item);
        }
        else if (uri is { } u)
        {
            if (u.ValueKind != JsonValueKind.String || u.GetString() is not { Length: > 0 } text) throw Error("\"BulkDataURI\" is not a non-empty string", tag);
            var reference = new DicomJsonBulkDataReference(text, path, vr);
            dataset.AddOrReplace(new DicomElement(tag, vr, options.ResolveBulkData?.Invoke(reference) ?? reference));
        }
        else if (value is { } v)
        {
            if (v.ValueKind != JsonValueKind.Array) throw Error("\"Value\" is not an array", tag);
            dataset.AddOrReplace(new DicomElement(tag, vr, DicomJsonValueParser.Encode(v, tag, vr, dataset)));
        }
        else dataset.AddOrReplace(new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
    }

    private static void ReadSequence(DicomDataset dataset, DicomTagPath path, JsonElement? value, int depth, DicomJsonReaderOptions options)
    {
        if (depth + 1 > options.MaxSequenceDepth) throw Error($"sequences nested deeper than {options.MaxSequenceDepth}", path.Tag);
        var sequence = new DicomSequence(path.Tag);
        dataset.AddOrReplace(sequence); // first, so items inherit this data set's character set
        if (value is not { } items) return;
        if (items.ValueKind != JsonValueKind.Array) throw Error("\"Value\" is not an array", path.Tag);
        int index = 0;
        foreach (var itemJson in items.EnumerateArray())
        {
            var item = new DicomDataset();
            sequence.Add(item);
            ReadInto(item, itemJson, path, index++, depth + 1, options);
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, DicomJsonReaderOptions options)
    {
        try
        {
            // Each sequence level nests three JSON levels: attribute object, "Value" array, item object.
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 3 * options.MaxSequenceDepth + 4 });
        }
        catch (JsonException e)
        {
            throw new DicomFormatException($"not valid JSON: {e.Message}", -1, null, e);
        }
    }

    /// <summary>The one typed exception: anything System.Text.Json or a decoder throws on bad input is wrapped.</summary>
    private static T Guarded<T>(Func<T> read, DicomTag? tag)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new DicomFormatException($"invalid DICOM JSON: {e.Message}", -1, tag, e);
        }
    }

    internal static DicomFormatException Error(string reason, DicomTag? tag) => new($"DICOM JSON: {reason}", -1, tag);

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
