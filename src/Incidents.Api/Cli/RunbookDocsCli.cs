using Incidents.Api.Runbooks;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Cli;

/// <summary><c>runbook-docs [DIRECTORY]</c> writes docs/runbooks from the runbook definitions (see scripts/generate-runbook-docs.sh).</summary>
public static class RunbookDocsCli
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "runbook-docs";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var directory = args.ElementAtOrDefault(1) ?? Path.Combine("docs", "runbooks");
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in RunbookMarkdown.Render(RunbookCatalog.Default))
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content);
            await stdout.WriteLineAsync(path);
        }

        return 0;
    }
}
