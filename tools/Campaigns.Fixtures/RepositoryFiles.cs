namespace Campaigns.Fixtures;

public static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the running binaries (a test project's or the bench's) that holds global.json.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (global.json) above " + AppContext.BaseDirectory);
    }
}
