using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.Index.Schema;

/// <summary>The person names with rows in person_name_word, and the number in its attribute column.</summary>
internal static class PersonNameWords
{
    public const int PatientName = 1;
    public const int ReferringPhysicianName = 2;

    public static int? AttributeOf(DicomTag tag) =>
        tag == DicomTags.PatientName ? PatientName : tag == DicomTags.ReferringPhysicianName ? ReferringPhysicianName : null;
}
