using System.Globalization;
using System.Text;

namespace Incidents.Bench.Reporting;

/// <summary>The results as Markdown: the machine, then one table of figure | value | baseline | ratio | target | met?.</summary>
public static class ResultsMarkdown
{
    public static string Render(BenchReport report)
    {
        var machine = report.Machine;
        var md = new StringBuilder();
        Line(md, $"Measured {report.StartedAt:yyyy-MM-dd HH:mm} UTC in {report.Elapsed.TotalMinutes:F1} min{(report.Quick ? " (--quick: a smoke run, not a measurement)" : "")} by `{report.Command}`.");
        Line(md, "");
        Line(md, $"- Machine: {machine.Cpu}, {machine.LogicalCpus} logical CPUs, {machine.Memory} RAM; {machine.OperatingSystem}");
        Line(md, $"- Runtime: {machine.DotNet}");
        Line(md, $"- Database: {machine.PostgreSql}");
        Line(md, $"- Settings: {string.Join(", ", machine.PostgreSqlSettings.Select(s => $"{s.Key}={s.Value}"))}");
        Line(md, "- The load generator, the service and PostgreSQL share those CPUs.");
        Line(md, "");
        Line(md, "| figure | value | baseline | ratio | target | met? |");
        Line(md, "|---|---:|---:|---:|---|---|");
        foreach (var figure in report.Scenarios.SelectMany(s => s.Figures))
        {
            var baseline = figure.Baseline is { } b ? $"{Number(b)} {figure.Unit} ({figure.BaselineName})" : figure.BaselineName ?? "";
            var ratio = figure.Ratio is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:F2}") : "";
            var met = figure.Met switch { true => "yes", false => "**no**", null => "" };
            Line(md, $"| {figure.Id} {figure.Name} | {Number(figure.Value)} {figure.Unit} | {baseline} | {ratio} | {figure.Target?.Text} | {met} |");
        }

        Line(md, "");
        Line(md, "| scenario | parameters | took | worked |");
        Line(md, "|---|---|---:|---|");
        foreach (var scenario in report.Scenarios)
        {
            var parameters = string.Join(", ", scenario.Parameters.Select(p => $"{p.Key}={p.Value}"));
            var worked = scenario.Worked ? "yes" : $"**no**: {scenario.Problem}";
            Line(md, $"| {scenario.Scenario} | {parameters} | {scenario.Elapsed.TotalSeconds:F0} s | {worked} |");
        }

        return md.ToString();
    }

    /// <summary>Large numbers with thousands separators, small ones with a decimal or two.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
