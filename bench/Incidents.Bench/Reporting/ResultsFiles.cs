using System.Text.Encodings.Web;
using System.Text.Json;

namespace Incidents.Bench.Reporting;

/// <summary>Writes results.md and results.json into the output folder (artifacts/bench unless --output says otherwise).</summary>
public static class ResultsFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<(string Markdown, string Json)> WriteAsync(BenchReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, "results.md");
        var json = Path.Combine(folder, "results.json");
        await File.WriteAllTextAsync(markdown, ResultsMarkdown.Render(report), cancellationToken);
        await using (var stream = File.Create(json))
        {
            await JsonSerializer.SerializeAsync(stream, report, Json, cancellationToken);
        }

        return (markdown, json);
    }
}
