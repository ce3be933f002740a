namespace ThreadClient.Tests.Infrastructure;

/// <summary>The clone the tests run from: the folder that holds <c>ThreadClient.sln</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in (<c>Release</c> or <c>Debug</c>), read from their output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ThreadClient.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ThreadClient.sln not found above " + AppContext.BaseDirectory);
    }
}
