using Incidents.Api.Access.Matrix;

namespace Incidents.Api.Cli;

/// <summary><c>authorization-matrix [README.md]</c> rewrites the README's authorisation table from the code (see scripts/generate-authorization-matrix.sh).</summary>
public static class AuthorizationMatrixCli
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "authorization-matrix";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var path = args.ElementAtOrDefault(1) ?? "README.md";
        var document = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, AuthorizationMatrixMarkdown.Replace(document, AuthorizationMatrixMarkdown.Render(AuthorizationMatrix.Rules)));
        await stdout.WriteLineAsync(path);
        return 0;
    }
}
