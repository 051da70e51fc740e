namespace Campaigns.Emulator.HttpApi;

/// <summary>A file the emulator serves itself, read on every request, with its content type and extra headers.</summary>
internal sealed record LocalFile(string FilePath, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers);
