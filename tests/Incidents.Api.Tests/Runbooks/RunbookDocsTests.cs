using Incidents.Api.Runbooks;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Tests.Runbooks;

/// <summary>docs/runbooks is generated from the runbook definitions; these tests fail when the two disagree.</summary>
public sealed class RunbookDocsTests
{
    private const string Regenerate = "Run scripts/generate-runbook-docs.sh and commit the result.";

    private static readonly string Directory = Path.Combine(RepositoryRoot(), "docs", "runbooks");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Incidents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository.");
    }

    [Fact]
    public void Every_runbook_document_is_exactly_what_the_definitions_render()
    {
        foreach (var (name, expected) in RunbookMarkdown.Render(RunbookCatalog.Default))
        {
            var path = Path.Combine(Directory, name);
            Assert.True(File.Exists(path), $"docs/runbooks/{name} is missing. {Regenerate}");
            var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.True(expected == actual, $"docs/runbooks/{name} differs from the runbook definitions. {Regenerate}");
        }
    }

    [Fact]
    public void There_is_no_runbook_document_without_a_definition()
    {
        var expected = RunbookMarkdown.Render(RunbookCatalog.Default).Keys.Order();

        Assert.Equal(expected, System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order()!);
    }

    [Fact]
    public void Each_document_shows_every_step_with_its_owner_deadline_ladder_templates_and_sources()
    {
        foreach (var runbook in RunbookCatalog.Default.All)
        {
            var document = RunbookMarkdown.Render(runbook);
            Assert.StartsWith("<!--", document);
            Assert.Contains($"# {runbook.Title.Ja} — {runbook.Title.En}", document);
            Assert.All(runbook.Steps, step =>
            {
                Assert.Contains($"`{step.Key}`", document);
                Assert.Contains($"開始から{RunbookPhrases.Duration(step.Deadline).Ja}", document);
                Assert.All(step.Sources, source => Assert.Contains(RunbookPhrases.Cite(source), document));
            });
            Assert.All(runbook.Templates, template => Assert.True(
                document.IndexOf(template.Text.Ja, StringComparison.Ordinal) < document.IndexOf(template.Text.En, StringComparison.Ordinal),
                "Japanese comes first"));
        }
    }

    [Fact]
    public void The_documented_defaults_are_the_ones_the_issue_asks_for()
    {
        var takeover = RunbookMarkdown.Render(RunbookCatalog.Default.For(IncidentKind.AccountTakeover));
        var impersonation = RunbookMarkdown.Render(RunbookCatalog.Default.For(IncidentKind.Impersonation));
        var backlash = RunbookMarkdown.Render(RunbookCatalog.Default.For(IncidentKind.Backlash));

        Assert.Contains("### 1. より安全なパスワードへの変更 — Change to a stronger password", takeover);
        Assert.Contains("開始から30分 — 30 min after it opens", takeover);
        Assert.Contains("統括情報セキュリティ責任者・情報セキュリティ管理者への報告", takeover);
        Assert.Contains("開始から7日 — 7 days after it opens", impersonation);
        Assert.Contains("開始から2時間 — 2 h after it opens", backlash);
    }
}
