using System.Globalization;
using Incidents.Api.Access;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Api.Incidents.Views;
using Incidents.Api.Pipeline;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;
using Incidents.Projections;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Timeline;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>
/// One incident: its facts, the drawn timeline, the step checklist with who must act and by when, the statements and
/// their approval, and the actions the signed-in person's roles allow (decided again by the domain when submitted).
/// </summary>
public static class IncidentPage
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/incidents/{id}", async (HttpContext http, string id, CancellationToken cancellationToken) =>
        {
            var page = new DashboardPage(http);
            var alert = http.Request.Query["done"].ToString() switch
            {
                "recorded" => new PageAlert(page.T(Ui.Done), null, false),
                "unchanged" => new PageAlert(page.T(Ui.NothingToDo), null, false),
                _ => null,
            };
            return await RenderAsync(page, id, alert, StatusCodes.Status200OK, cancellationToken);
        });

    public static async Task<IResult> RenderAsync(DashboardPage page, string id, PageAlert? alert, int statusCode, CancellationToken cancellationToken)
    {
        var services = page.Http.RequestServices;
        if (!Guid.TryParseExact(id, "D", out var incidentId))
        {
            return NotFound(page);
        }

        var loaded = await services.GetRequiredService<CommandPipeline>().LoadAsync(new IncidentId(incidentId), cancellationToken);
        if (loaded.Version == 0)
        {
            return NotFound(page);
        }

        var runbooks = services.GetRequiredService<RunbookCatalog>();
        var runbook = runbooks.For(loaded.State.Kind);
        var view = services.GetRequiredService<IncidentViews>().Build(loaded.State, loaded.Version, page.Roles);
        var timeline = await services.GetRequiredService<TimelineQuery>().ReadAsync(incidentId, cancellationToken);
        var users = (await services.GetRequiredService<UserStore>().ListAsync(cancellationToken)).ToDictionary(u => u.Id.ToString("D"), u => u.Name);
        string NameOf(string actor) => users.TryGetValue(actor, out var name) ? name : actor;

        var html = new HtmlWriter();
        await FaultBanner.WriteAsync(page, html, services.GetRequiredService<CheckpointStore>(), cancellationToken);
        var title = $"{view.AccountHandle} — {runbook.Title.In(page.Language)}";
        html.Open("p", ("class", "crumbs")).Element("a", page.T(Ui.BackToOverview), ("href", "/dashboard")).Close("p")
            .Element("h1", title, ("id", "incident-title"), ("data-version", view.Version.ToString(CultureInfo.InvariantCulture)));
        if (alert is not null)
        {
            html.Open("div", ("class", alert.IsError ? "alert" : "notice"), ("role", alert.IsError ? "alert" : "status"), ("id", "action-result"))
                .Element("p", alert.Message);
            if (alert.Detail is not null)
            {
                html.Element("p", alert.Detail, ("class", "muted"));
            }

            html.Close("div");
        }

        Facts(page, html, view, runbook, NameOf);
        IncidentReportsSection.Write(page, html, view, NameOf);
        Timeline(page, html, timeline, runbook, NameOf);
        Checklist(page, html, view, runbook);
        Statements(page, html, view, NameOf);
        return PageLayout.Render(page, title, html.ToString(), statusCode);
    }

    private static IResult NotFound(DashboardPage page)
    {
        var html = new HtmlWriter().Element("h1", page.T(Ui.NotFound)).Element("a", page.T(Ui.BackToOverview), ("href", "/dashboard"));
        return PageLayout.Render(page, page.T(Ui.NotFound), html.ToString(), StatusCodes.Status404NotFound);
    }

    private static void Facts(DashboardPage page, HtmlWriter html, IncidentView view, Runbook runbook, Func<string, string> nameOf)
    {
        html.Open("section", ("aria-labelledby", "facts-title")).Element("h2", page.T(Ui.Details), ("id", "facts-title"))
            .Open("dl", ("class", "facts"));
        Fact(html, page.T(Ui.Status), () =>
        {
            if (view.Overdue)
            {
                Cells.Badge(html, page.T(Ui.Overdue), "late");
            }

            Cells.Badge(html, page.T(Labels.Status(WireName.Of(view.Status))), $"status-{WireName.Of(view.Status)}");
        });
        Fact(html, page.T(Ui.Kind), () => html.Text(runbook.Title.In(page.Language)));
        Fact(html, page.T(Ui.Account), () =>
        {
            html.Text($"{view.AccountHandle} ({page.T(Labels.Platform(WireName.Of(view.Platform)))})");
            if (view.AccountUrl is { } url)
            {
                html.Text(" ").Element("a", url, ("href", url), ("rel", "noreferrer noopener"), ("class", "url"));
            }
        });
        Fact(html, page.T(Ui.Department), () => html.Text(view.Department ?? "—"));
        Fact(html, page.T(Ui.Assignee), () => html.Text(view.Assignee ?? "—"));
        Fact(html, page.T(Ui.ReportedBy), () => html.Text(nameOf(view.ReportedBy)));
        Fact(html, page.T(Ui.ReportedAt), () => Cells.Time(page, html, view.ReportedAt));
        Fact(html, page.T(Ui.NextDeadline), () => Cells.Deadline(page, html, view.NextDueAt, view.Status != IncidentStatus.Closed));
        Fact(html, page.T(Ui.WhatWasSeen), () => html.Element("span", view.WhatWasSeen, ("class", "prose")));
        html.Close("dl");
        if (view.Status == IncidentStatus.Reported && Allows(page, new AcknowledgeIncident()))
        {
            ActionForm(page, html, view, "acknowledge", "acknowledge", () => html.Element("p", page.T(Ui.AcknowledgeHint), ("class", "muted")), page.T(Ui.Acknowledge));
        }

        html.Close("section");
    }

    private static void Timeline(DashboardPage page, HtmlWriter html, IncidentTimeline timeline, Runbook runbook, Func<string, string> nameOf)
    {
        html.Open("section", ("aria-labelledby", "timeline-heading")).Element("h2", page.T(Ui.Timeline), ("id", "timeline-heading"));
        if (timeline.Marks.Count == 0)
        {
            html.Element("p", page.T(Ui.TimelinePending), ("id", "timeline-pending")).Close("section");
            return;
        }

        html.Open("div", ("class", "scroll chart"), ("tabindex", "0"), ("role", "region"), ("aria-labelledby", "timeline-heading"));
        TimelineChart.Write(page, html, timeline, runbook, nameOf);
        html.Close("div")
            .Open("details").Element("summary", page.T(Ui.TimelineList)).Open("ol", ("class", "events"));
        foreach (var mark in timeline.Marks)
        {
            html.Open("li", ("class", mark.Type == "step-escalated" ? "escalated" : null));
            Cells.Time(page, html, mark.OccurredAt);
            html.Text($" {page.T(Labels.EventType(mark.Type))}");
            if (mark.StepKey is { } step)
            {
                html.Text($": {runbook.Step(step)?.Title.In(page.Language) ?? step}");
            }

            if (mark.EscalationLevel is { } level)
            {
                html.Text($" ({page.T(Ui.Level)} {level} → {page.T(Labels.Role(mark.NotifiedRole ?? ""))})");
            }

            html.Element("span", $" — {nameOf(mark.ActorId)} ({page.T(Labels.Role(mark.ActorRole))})", ("class", "muted")).Close("li");
        }

        html.Close("ol").Close("details").Close("section");
    }

    private static void Checklist(DashboardPage page, HtmlWriter html, IncidentView view, Runbook runbook)
    {
        string[] headings = [page.T(Ui.Step), page.T(Ui.WhoMustAct), page.T(Ui.Deadline), page.T(Ui.Status), page.T(Ui.Action)];
        html.Open("section", ("aria-labelledby", "steps-title")).Element("h2", page.T(Ui.Checklist), ("id", "steps-title"))
            .Open("table", ("class", "steps cards"), ("id", "steps")).Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var step in view.Steps)
        {
            var open = step.Status == StepStatus.Open;
            html.Open("tr", ("data-step", step.Key), ("class", step.Overdue ? "overdue" : null))
                .Element("th", step.Title.In(page.Language), ("scope", "row"), ("data-label", headings[0]))
                .Element("td", step.Assignee is null
                    ? page.T(Labels.Role(RoleNames.Of(step.Responsible)))
                    : $"{page.T(Labels.Role(RoleNames.Of(step.Responsible)))} / {step.Assignee}", ("data-label", headings[1]))
                .Open("td", ("data-label", headings[2]));
            if (step.DueAt is null)
            {
                html.Text("—");
            }
            else
            {
                Cells.Deadline(page, html, step.DueAt, open);
            }

            html.Close("td").Open("td", ("data-label", headings[3]));
            if (step.Overdue)
            {
                Cells.Badge(html, page.T(Ui.Overdue), "late");
            }

            Cells.Badge(html, page.T(Labels.StepStatus(WireName.Of(step.Status))), $"step-{WireName.Of(step.Status)}");
            if (step.EscalationLevel > 0)
            {
                Cells.Badge(html, $"{page.T(Ui.Escalation)} {page.T(Ui.Level)} {step.EscalationLevel}", "escalated");
            }

            html.Close("td").Open("td", ("data-label", headings[4]));
            if (open && view.Status != IncidentStatus.Closed)
            {
                StepActions(page, html, view, runbook.Step(step.Key)!, step);
            }

            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }

    private static void StepActions(DashboardPage page, HtmlWriter html, IncidentView view, RunbookStep definition, StepView step)
    {
        var id = $"step-{step.Key}";
        switch (definition.CompletedBy)
        {
            case StepAction.Manual when Allows(page, new CompleteStep(step.Key, null)):
                ActionForm(page, html, view, $"steps/{step.Key}/complete", $"{id}-complete", () => TextField(page, html, $"{id}-note", "note", page.T(Ui.Note), required: false), page.T(Ui.Complete));
                break;
            case StepAction.ReportToOfficers when Allows(page, new ReportToOfficers([], null)):
                ActionForm(page, html, view, "report-to-officers", $"{id}-report", () =>
                {
                    html.Open("fieldset").Element("legend", page.T(Ui.ReportTo));
                    foreach (var officer in Enum.GetValues<Officer>())
                    {
                        var wire = WireName.Of(officer);
                        html.Open("div", ("class", "check"))
                            .Empty("input", ("type", "checkbox"), ("id", $"{id}-{wire}"), ("name", "recipients"), ("value", wire),
                                ("checked", definition.Recipients.Contains(officer) ? "" : null))
                            .Element("label", page.T(Labels.Officer(wire)), ("for", $"{id}-{wire}"))
                            .Close("div");
                    }

                    html.Close("fieldset");
                }, page.T(Ui.RecordReport));
                break;
            case StepAction.RequestTakedown when Allows(page, new RequestTakedown(null, null)):
                ActionForm(page, html, view, "request-takedown", $"{id}-takedown", () =>
                {
                    TextField(page, html, $"{id}-url", "targetUrl", page.T(Ui.TargetUrl), required: false, type: "url");
                    TextField(page, html, $"{id}-reference", "reference", page.T(Ui.Reference), required: false);
                }, page.T(Ui.RecordTakedown));
                break;
            case StepAction.PublishStatement:
                html.Element("p", page.T(Ui.ViaStatements), ("class", "muted"));
                break;
            case StepAction.Manual or StepAction.ReportToOfficers or StepAction.RequestTakedown:
                break;
            default:
                html.Element("p", page.T(Ui.ViaApi), ("class", "muted"));
                break;
        }

        if (!definition.Mandatory && Allows(page, new WaiveStep(step.Key, "")))
        {
            ActionForm(page, html, view, $"steps/{step.Key}/waive", $"{id}-waive", () => TextField(page, html, $"{id}-reason", "reason", page.T(Ui.Reason), required: true), page.T(Ui.Waive), "secondary");
        }
    }

    private static void Statements(DashboardPage page, HtmlWriter html, IncidentView view, Func<string, string> nameOf)
    {
        html.Open("section", ("aria-labelledby", "statements-title")).Element("h2", page.T(Ui.Statements), ("id", "statements-title"));
        if (view.Statements.Count == 0)
        {
            html.Element("p", page.T(Ui.NoStatements)).Close("section");
            return;
        }

        html.Open("ul", ("class", "statements"), ("id", "statements"));
        var me = Actors.IdOf(page.User);
        foreach (var statement in view.Statements)
        {
            var status = WireName.Of(statement.Status);
            html.Open("li", ("class", $"statement {status}"), ("data-statement", statement.Id.ToString("D")))
                .Open("h3").Text(page.T(Labels.StatementKind(WireName.Of(statement.Kind)))).Text(" ");
            Cells.Badge(html, page.T(Labels.StatementStatus(status)), $"statement-{status}");
            html.Close("h3")
                .Element("p", string.Join(" / ", statement.Channels.Select(c => page.T(Labels.Channel(WireName.Of(c))))), ("class", "muted"))
                .Element("blockquote", statement.Text, ("class", "prose"))
                .Open("p", ("class", "muted")).Text($"{page.T(Ui.DraftedBy)}: {string.Join(", ", statement.Authors.Select(nameOf))} ");
            Cells.Time(page, html, statement.DraftedAt);
            if (statement.ApprovedBy is { } approver && statement.Status != StatementStatus.Draft)
            {
                html.Text($" · {page.T(Ui.ApprovedBy)}: {nameOf(approver)} ");
                Cells.Time(page, html, statement.ApprovedAt);
            }

            if (statement.PublishedAt is { } published)
            {
                html.Text($" · {page.T(Ui.PublishedAt)}: ");
                Cells.Time(page, html, published);
            }

            html.Close("p");
            if (statement.Status == StatementStatus.Draft && view.Status != IncidentStatus.Closed && Allows(page, new ApproveStatement(statement.Id)))
            {
                if (statement.Authors.Contains(me))
                {
                    html.Element("p", page.T(Ui.OwnStatement), ("class", "muted"));
                }
                else
                {
                    ActionForm(page, html, view, $"statements/{statement.Id:D}/approve", $"approve-{statement.Id:D}", () => { }, page.T(Ui.Approve));
                }
            }

            html.Close("li");
        }

        html.Close("ul").Close("section");
    }

    private static bool Allows(DashboardPage page, IIncidentCommand command) =>
        page.SignedIn && Actors.For(page.User, command.PermittedRoles) is not null;

    private static void Fact(HtmlWriter html, string term, Action value)
    {
        html.Open("div").Element("dt", term).Open("dd");
        value();
        html.Close("dd").Close("div");
    }

    private static void ActionForm(
        DashboardPage page, HtmlWriter html, IncidentView view, string action, string id, Action fields, string submit, string? style = null)
    {
        html.Open("form", ("method", "post"), ("action", $"/dashboard/incidents/{view.Id:D}/{action}"), ("class", "action"), ("id", id));
        page.FormToken(html);
        html.Empty("input", ("type", "hidden"), ("name", "version"), ("value", view.Version.ToString(CultureInfo.InvariantCulture)));
        fields();
        html.Element("button", submit, ("type", "submit"), ("class", style)).Close("form");
    }

    private static void TextField(DashboardPage page, HtmlWriter html, string id, string name, string label, bool required, string type = "text") =>
        html.Open("div", ("class", "field"))
            .Element("label", label, ("for", id))
            .Empty("input", ("type", type), ("id", id), ("name", name), ("required", required ? "" : null), ("maxlength", "2000"))
            .Close("div");
}
