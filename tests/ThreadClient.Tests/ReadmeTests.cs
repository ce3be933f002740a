using System.Text.RegularExpressions;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests;

public sealed partial class ReadmeTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Quick_start_in_the_readme_is_the_compiled_sample()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var snippet = QuickStartBlock().Match(readme);
        Assert.True(snippet.Success, "README.md has no '## Quick start' C# block");

        var sample = File.ReadAllText(Path.Combine(Root, "samples", "QuickStart", "Program.cs"));

        Assert.Equal(sample.ReplaceLineEndings("\n"), snippet.Groups[1].Value.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Readme_test_command_is_what_ci_runs()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var command = TestCommand().Match(readme);
        Assert.True(command.Success, "README.md names no 'dotnet test' command");

        var ci = File.ReadAllText(Path.Combine(Root, ".ci", "run"));

        Assert.Contains(command.Value.Trim(), ci, StringComparison.Ordinal);
    }

    [Fact]
    public void The_packages_version_lives_only_in_Directory_Build_props()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.DoesNotContain("<Version>", File.ReadAllText(p), StringComparison.Ordinal));
        Assert.Contains("<Version>", File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"## Quick start\s+```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"^dotnet test [^\n`]*$", RegexOptions.Multiline)]
    private static partial Regex TestCommand();
}
