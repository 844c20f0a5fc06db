using System.Text.RegularExpressions;

namespace SupportDesk.Tests.Browser;

/// <summary>Where browser tests leave what a person would look at: TestResults/screenshots and TestResults/failures at the repository root.</summary>
public static partial class Artifacts
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Screenshots => Folder("screenshots");

    public static string Failures => Folder("failures");

    /// <summary>A file name stem for the running test: its class and method, safe for any file system.</summary>
    public static string TestStem()
    {
        var test = TestContext.Current.Test;
        var method = TestContext.Current.TestMethod?.MethodName ?? test?.TestDisplayName ?? "test";
        var type = TestContext.Current.TestClass?.TestClassSimpleName ?? "Browser";
        return Safe($"{type}.{method}");
    }

    public static string Safe(string name) => Unsafe().Replace(name, "-");

    private static string Folder(string name)
    {
        var path = Path.Combine(Root.Value, "TestResults", name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportDesk.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
