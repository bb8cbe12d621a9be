using System.Collections;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// The header fields of one body part, in the order sent. Names are compared case-insensitively
/// (RFC 9110 5.1); values are kept as sent, with surrounding whitespace removed.
/// </summary>
public sealed class MultipartHeaders : IEnumerable<KeyValuePair<string, string>>
{
    public const string ContentTypeName = "Content-Type";
    public const string ContentLocationName = "Content-Location";
    public const string ContentIdName = "Content-ID";
    public const string ContentLengthName = "Content-Length";

    private readonly List<KeyValuePair<string, string>> _fields = [];

    public MultipartHeaders() { }

    /// <summary>Headers with a Content-Type, the one every DICOMweb part carries.</summary>
    public MultipartHeaders(string contentType) => Add(ContentTypeName, contentType);

    public int Count => _fields.Count;

    /// <summary>The first value of the named header, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var f in _fields)
                if (string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) return f.Value;
            return null;
        }
    }

    /// <summary>Every value of the named header, in order.</summary>
    public IEnumerable<string> GetValues(string name) =>
        _fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value);

    /// <summary>Adds a field; the name must be a token and the value must not hold CR, LF or other control characters.</summary>
    public MultipartHeaders Add(string name, string value)
    {
        if (!HttpGrammar.IsToken(name)) throw new ArgumentException($"'{name}' is not a valid header name", nameof(name));
        if (value.Any(c => c < ' ' && c != '\t' || c == '\x7F'))
            throw new ArgumentException($"the value of {name} holds a control character", nameof(value));
        _fields.Add(KeyValuePair.Create(name, value.Trim(' ', '\t')));
        return this;
    }

    internal void AddParsed(string name, string value) => _fields.Add(KeyValuePair.Create(name, value));

    internal void AppendToLast(string continuation)
    {
        var last = _fields[^1];
        _fields[^1] = KeyValuePair.Create(last.Key, last.Value.Length == 0 ? continuation : last.Value + " " + continuation);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
