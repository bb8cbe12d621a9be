namespace PacsEdge.Index.Storage;

/// <summary>AddInstance keeps an existing row of the same SOP Instance UID; ReplaceInstance overwrites it.</summary>
internal enum WriteMode { Add, Replace }
