namespace Campaigns.Bench;

/// <summary>
/// One function's deployment zip as the budget's zip line sees it: its size, the architecture of its
/// bootstrap, where it comes from, and whether it is a zip ./build.sh package wrote (only those decide the line).
/// </summary>
internal sealed record ZipFigure(long Bytes, string Architecture, string Origin, bool Packaged = true);
