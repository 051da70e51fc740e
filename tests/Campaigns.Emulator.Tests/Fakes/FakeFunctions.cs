using System.Diagnostics;

namespace Campaigns.Emulator.Tests.Fakes;

/// <summary>
/// A functions directory shared by the process tests: <c>&lt;name&gt;/bootstrap</c> is fake_function.py behind a
/// shebang naming the real python3 binary (not a version-manager shim, which would need its own environment).
/// Written once per test run, before any of these tests starts a process.
/// </summary>
internal static class FakeFunctions
{
    public const string Echo = "fake";
    public const string Secure = "fake_secure";
    public const string Other = "fake_other";

    private static readonly Lazy<string> Root = new(Create);
    private static readonly Lazy<string> Python = new(FindPython);

    public static string Directory => Root.Value;

    public static string TablePath => Path.Combine(Root.Value, "functions.json");

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Fakes", "fake_function.py");

    public static string PythonPath => Python.Value;

    private static string Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "campaigns-emulator-tests-" + Guid.NewGuid().ToString("N"));
        var script = $"#!{Python.Value} -u\n" + File.ReadAllText(ScriptPath);
        foreach (var name in new[] { Echo, Secure, Other })
        {
            var folder = System.IO.Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            var bootstrap = Path.Combine(folder, "bootstrap");
            File.WriteAllText(bootstrap, script);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        File.WriteAllText(Path.Combine(root, "functions.json"), $$"""
            {
              "{{Echo}}": { "method": "GET", "path": "/fake/{id}", "jwt": false },
              "{{Secure}}": { "method": "POST", "path": "/secure", "jwt": true },
              "{{Other}}": { "method": "GET", "path": "/other", "jwt": false }
            }
            """);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return root;
    }

    private static void DeleteQuietly(string root)
    {
        try
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit; the OS cleans its temp directory eventually.
        }
    }

    private static string FindPython()
    {
        using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return path.Length > 0 ? path : throw new InvalidOperationException("python3 is needed by the emulator's process tests.");
    }
}
