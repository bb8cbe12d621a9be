using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Xml;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.Json;

namespace PacsEdge.Dicom.Xml;

/// <summary>
/// The Native DICOM Model (PS3.19 A.1), the XML form DICOMweb answers with for application/dicom+xml:
/// a NativeDicomModel element holding one DicomAttribute per attribute (tag, vr, keyword, privateCreator) with
/// Value / PersonName / Item / InlineBinary / BulkData children. The bulk data rules (threshold, URI builder) are
/// the JSON writer's, so one <see cref="DicomJsonWriterOptions"/> gives the same choices in both encodings.
/// </summary>
public static class DicomXmlWriter
{
    private static readonly string[] NameComponents = ["FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"];

    /// <summary>Writes one document (XML declaration, UTF-8) for <paramref name="dataset"/>.</summary>
    public static void Write(Stream output, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), Indent = options?.Indented ?? false, CloseOutput = false,
            // CR and LF inside text values (UT, LT, ST) survive a parser only as character references.
            NewLineHandling = NewLineHandling.Entitize,
        });
        Write(xml, dataset, options);
    }

    /// <summary>Writes the NativeDicomModel element (and the document around it when the writer is at its start).</summary>
    public static void Write(XmlWriter xml, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        if (xml.WriteState == WriteState.Start) xml.WriteStartDocument();
        xml.WriteStartElement("NativeDicomModel", "http://dicom.nema.org/PS3.19/models/NativeDICOM");
        // PS3.19 A.1.1: values keep their spaces exactly.
        xml.WriteAttributeString("xml", "space", null, "preserve");
        new Walker(xml, options).WriteAttributes(dataset, null);
        xml.WriteEndElement();
        xml.Flush();
    }

    public static string ToXml(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, dataset, options);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class Walker(XmlWriter xml, DicomJsonWriterOptions options)
    {
        public void WriteAttributes(DicomDataset dataset, DicomTagPath? sequence, int item = -1)
        {
            foreach (var element in dataset)
            {
                if (element.Tag.IsGroupLength && !options.IncludeGroupLengths) continue;
                var path = sequence is null ? DicomTagPath.TopLevel(element.Tag) : sequence.Child(item, element.Tag);
                WriteAttribute(element, dataset, path);
            }
        }

        private void WriteAttribute(DicomItem item, DicomDataset owner, DicomTagPath path)
        {
            var tag = item.Tag;
            // PS3.19 A.1.1: a private attribute of a reserved block is written as gggg00ee with its block's creator
            // in privateCreator, so that the XML does not depend on which block the creator happened to get.
            var creator = tag.IsPrivate && !tag.IsPrivateCreator ? PrivateCreator(owner, tag) : null;
            var written = creator is null ? tag.Value : (uint)(tag.Group << 16) | (uint)(tag.Element & 0xFF);
            xml.WriteStartElement("DicomAttribute");
            xml.WriteAttributeString("tag", written.ToString("X8", CultureInfo.InvariantCulture));
            // Encapsulated pixel data is OB whatever VR the file declared (PS3.5 A.4).
            var vr = item is DicomFragmentSequence ? DicomVR.OB : item.VR == DicomVR.None ? DicomVR.UN : item.VR;
            xml.WriteAttributeString("vr", vr.Code());
            if (DicomDictionary.KeywordOf(tag) is { Length: > 0 } keyword && !tag.IsPrivate)
                xml.WriteAttributeString("keyword", keyword);
            if (creator is not null) xml.WriteAttributeString("privateCreator", creator);
            switch (item)
            {
                case DicomSequence sq:
                    for (int i = 0; i < sq.Items.Count; i++)
                    {
                        xml.WriteStartElement("Item");
                        xml.WriteAttributeString("number", (i + 1).ToString(CultureInfo.InvariantCulture));
                        WriteAttributes(sq.Items[i], path, i);
                        xml.WriteEndElement();
                    }
                    break;
                case DicomFragmentSequence fragments:
                    if (!WroteBulkData(new DicomJsonBulkData(path, fragments.VR, DicomJsonEncapsulated.EncodedLength(fragments), true)))
                        WriteInlineBinary(DicomJsonEncapsulated.Encode(fragments));
                    break;
                case DicomElement e:
                    WriteElementValue(e, owner, path);
                    break;
            }
            xml.WriteEndElement();
        }

        private static string? PrivateCreator(DicomDataset owner, DicomTag tag)
        {
            var creatorTag = new DicomTag(tag.Group, (ushort)(tag.Element >> 8));
            return owner.GetString(creatorTag)?.Trim();
        }

        private bool WroteBulkData(DicomJsonBulkData bulk)
        {
            if (options.BulkDataUri is not { } build || bulk.Length < options.BulkDataThreshold || build(bulk) is not { } uri) return false;
            xml.WriteStartElement("BulkData");
            xml.WriteAttributeString("uri", uri);
            xml.WriteEndElement();
            return true;
        }

        private void WriteInlineBinary(ReadOnlySpan<byte> bytes)
        {
            xml.WriteStartElement("InlineBinary");
            xml.WriteString(Convert.ToBase64String(bytes));
            xml.WriteEndElement();
        }

        private void WriteElementValue(DicomElement e, DicomDataset owner, DicomTagPath path)
        {
            var vr = e.VR;
            if (e.Value is DicomJsonBulkDataReference reference)
            {
                xml.WriteStartElement("BulkData");
                xml.WriteAttributeString("uri", reference.Uri);
                xml.WriteEndElement();
                return;
            }
            if (e.Length == 0) return;
            if (vr.IsBulkBinary() || vr == DicomVR.None)
            {
                if (!WroteBulkData(new DicomJsonBulkData(path, vr, e.Length, false))) WriteInlineBinary(e.Span);
                return;
            }
            if (vr == DicomVR.AT)
                WriteValues(DicomValueCodec.DecodeTags(e.Span).Select(t => t.Value.ToString("X8", CultureInfo.InvariantCulture)));
            else if (vr.IsBinaryNumber())
                WriteValues(Numbers(e));
            else if (vr == DicomVR.PN)
                WritePersonNames(DicomJsonStrings.Split(owner.CharacterSet.Decode(e.Span, vr), vr));
            else if (vr.IsString())
            {
                var text = owner.CharacterSet.Decode(e.Span, vr);
                if (e.Tag == DicomTags.SpecificCharacterSet && owner.Parent is null && options.RewriteSpecificCharacterSet) text = "ISO_IR 192";
                if (!DicomJsonStrings.IsEmpty(text, vr)) WriteValues(DicomJsonStrings.Split(text, vr));
            }
            else WriteInlineBinary(e.Span);
        }

        /// <summary>PS3.19 A.1: Value elements numbered from 1; an empty value keeps its number with no text.</summary>
        private void WriteValues(IEnumerable<string> values)
        {
            int number = 0;
            foreach (var value in values)
            {
                xml.WriteStartElement("Value");
                xml.WriteAttributeString("number", (++number).ToString(CultureInfo.InvariantCulture));
                if (value.Length > 0) xml.WriteString(value);
                xml.WriteEndElement();
            }
        }

        private void WritePersonNames(IEnumerable<string> values)
        {
            int number = 0;
            foreach (var value in values)
            {
                xml.WriteStartElement("PersonName");
                xml.WriteAttributeString("number", (++number).ToString(CultureInfo.InvariantCulture));
                var groups = DicomJsonPersonName.Groups(value);
                for (int g = 0; g < groups.Length; g++)
                {
                    if (groups[g] is not { } group) continue;
                    xml.WriteStartElement(DicomJsonPersonName.GroupNames[g]);
                    var components = group.Split('^');
                    for (int c = 0; c < Math.Min(components.Length, NameComponents.Length); c++)
                        if (components[c].Length > 0) xml.WriteElementString(NameComponents[c], components[c]);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
        }

        private static IEnumerable<string> Numbers(DicomElement e)
        {
            var raw = e.Span.ToArray();
            int size = e.VR.ElementSize();
            for (int i = 0; i + size <= raw.Length; i += size)
            {
                var s = raw.AsSpan(i, size);
                yield return e.VR switch
                {
                    DicomVR.US => BinaryPrimitives.ReadUInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.UL => BinaryPrimitives.ReadUInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.UV => BinaryPrimitives.ReadUInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture),
                    DicomVR.FL => BinaryPrimitives.ReadSingleLittleEndian(s).ToString("R", CultureInfo.InvariantCulture),
                    _ => BinaryPrimitives.ReadDoubleLittleEndian(s).ToString("R", CultureInfo.InvariantCulture),
                };
            }
        }
    }
}
