using System.Reflection;
using System.Runtime.Loader;
using PublicApiGenerator;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests;

/// <summary>
/// The public surface of each package, locked in <c>PublicApi/{package}.txt</c> (PublicApiGenerator's listing).
/// A change to the surface fails here until the file is updated on purpose: run the tests with
/// <c>THREADCLIENT_ACCEPT_API=1</c> to rewrite the files, then review the diff and list breaking changes in
/// CHANGELOG. Every target framework of a package must match the same file: the surface does not differ
/// between <c>net8.0</c> and <c>net10.0</c>, and this test says so if it ever starts to.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string, string> Packages() => new()
    {
        { "ThreadClient", "net8.0" },
        { "ThreadClient", "net10.0" },
        { "ThreadClient.Extensions.AI", "net8.0" },
        { "ThreadClient.Extensions.AI", "net10.0" },
        { "ThreadClient.Testing", "net10.0" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_surface_is_the_one_checked_in(string package, string framework)
    {
        var assemblyPath = Path.Combine(Repository.Root, "src", package, "bin", Repository.Configuration, framework, package + ".dll");
        Assert.True(File.Exists(assemblyPath), $"{assemblyPath} is not built: build the solution first.");
        var actual = Listing(assemblyPath);
        var approved = Path.Combine(Repository.Root, "tests", "ThreadClient.Tests", "PublicApi", package + ".txt");
        if (Environment.GetEnvironmentVariable("THREADCLIENT_ACCEPT_API") == "1" && framework == "net10.0")
        {
            File.WriteAllText(approved, actual);
        }

        Assert.True(File.Exists(approved), $"{approved} is missing: run the tests with THREADCLIENT_ACCEPT_API=1 to write it.");
        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            $"The public API of {package} ({framework}) differs from {Path.GetFileName(approved)}. If the change is intended, run the tests with THREADCLIENT_ACCEPT_API=1, review the diff, and list any breaking change in CHANGELOG.\nFirst difference:\n{FirstDifference(expected, actual)}");
    }

    private static string Listing(string assemblyPath)
    {
        // An isolated load context, so that the net8.0 build can be read beside the net10.0 one the tests run.
        var context = new AssemblyLoadContext("public-api:" + assemblyPath, isCollectible: true);
        try
        {
            var directory = Path.GetDirectoryName(assemblyPath)!;
            context.Resolving += (c, name) => File.Exists(Path.Combine(directory, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll")) : null;
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var options = new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] };
            return assembly.GeneratePublicApi(options).ReplaceLineEndings("\n");
        }
        finally
        {
            context.Unload();
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (left, right) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var (l, r) = (i < left.Length ? left[i] : "<end>", i < right.Length ? right[i] : "<end>");
            if (l != r)
            {
                return $"line {i + 1}\n  checked in: {l}\n  built:      {r}";
            }
        }

        return "(none)";
    }
}
