using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Imaging;

/// <summary>
/// The attributes that turn stored values into displayed gray levels: the Modality LUT as Rescale Slope/Intercept
/// (PS3.3 C.11.1) and the first VOI window (C.11.2), as the data set carries them at its top level.
/// </summary>
public sealed record ImagePresentation(double RescaleSlope, double RescaleIntercept, VoiWindow? Window, int HighBit)
{
    public static ImagePresentation FromDataset(DicomDataset dataset, int bitsStored)
    {
        double slope = dataset.TryGetNumber(DicomTags.RescaleSlope, out var s) && double.IsFinite(s) && s != 0 ? s : 1;
        double intercept = dataset.TryGetNumber(DicomTags.RescaleIntercept, out var i) && double.IsFinite(i) ? i : 0;
        VoiWindow? window = null;
        if (dataset.TryGetNumber(DicomTags.WindowCenter, out var c) && dataset.TryGetNumber(DicomTags.WindowWidth, out var w))
        {
            VoiWindow.TryParseFunction(dataset.GetString(DicomTags.VOILUTFunction), out var function);
            var candidate = new VoiWindow(c, w, function);
            window = candidate.Validate() is null ? candidate : null; // an unusable stored window falls back to min/max
        }
        int highBit = dataset.GetSingleValueOrDefault(DicomTags.HighBit, bitsStored - 1);
        return new ImagePresentation(slope, intercept, window, highBit);
    }
}
