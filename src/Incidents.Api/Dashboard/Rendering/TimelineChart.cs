using System.Globalization;
using Incidents.Api.Dashboard.Localization;
using Incidents.Domain.Runbooks;
using Incidents.Projections.Timeline;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>
/// Draws an incident's timeline as SVG from the timeline read model: events as marks along the top, each step opening
/// as a lane from when it opened to when it finished (or now), its deadline as a red line, the time past the
/// deadline as a hatched band, escalations as diamonds with their level, and a dotted line at now.
/// </summary>
public static class TimelineChart
{
    private const double Width = 960;
    private const double Left = 16;
    private const double PlotWidth = Width - 2 * Left;
    private const double EventLane = 44;
    private const double StepLane = 38;
    private const double AxisHeight = 28;

    public static void Write(
        DashboardPage page, HtmlWriter html, IncidentTimeline timeline, Runbook runbook, Func<string, string> nameOf)
    {
        // The axis covers what happened and the near future; a deadline days ahead would squeeze the recent past into
        // a corner, so lanes that run past the axis end in an arrow with their deadline instead.
        var start = timeline.Marks.Select(m => m.OccurredAt).Concat(timeline.Steps.Select(s => s.OpenedAt)).Append(page.Now).Min();
        var latest = timeline.Marks.Select(m => m.OccurredAt).Append(page.Now).Max();
        var horizon = latest + TimeSpan.FromTicks(Math.Max((latest - start).Ticks / 2, TimeSpan.FromHours(2).Ticks));
        var end = timeline.Steps.Select(s => s.DueAt).Append(latest).Max();
        var axis = new TimeAxis(start, end < horizon ? end : horizon, Left, PlotWidth);
        var height = EventLane + timeline.Steps.Count * StepLane + AxisHeight;
        html.Open("svg",
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {N(Width)} {N(height)}"), ("class", "timeline"),
                ("id", "timeline"), ("role", "img"), ("aria-labelledby", "timeline-title timeline-desc"),
                ("data-marks", timeline.Marks.Count.ToString(CultureInfo.InvariantCulture)),
                ("data-lanes", timeline.Steps.Count.ToString(CultureInfo.InvariantCulture)))
            .Element("title", page.T(Ui.Timeline), ("id", "timeline-title"))
            .Element("desc", page.T(Ui.TimelineDescription), ("id", "timeline-desc"));

        Grid(html, axis, height);
        var lane = EventLane;
        foreach (var step in timeline.Steps)
        {
            Lane(page, html, axis, step, runbook, timeline.Marks, lane);
            lane += StepLane;
        }

        Marks(page, html, axis, timeline.Marks, nameOf);
        var now = axis.X(page.Now);
        html.Empty("line", ("class", "now"), ("x1", N(now)), ("x2", N(now)), ("y1", "4"), ("y2", N(height - AxisHeight)))
            .Element("text", page.Language == Language.English ? "now" : "現在", ("class", "now-label"), ("x", N(now + 4)), ("y", "12"));
        html.Close("svg");
    }

    private static void Grid(HtmlWriter html, TimeAxis axis, double height)
    {
        var previousDay = -1;
        foreach (var tick in axis.Ticks())
        {
            var x = axis.X(tick);
            if (x < Left + 28 || x > Width - 28)
            {
                continue;
            }

            var day = TokyoTime.Of(tick).Day;
            html.Empty("line", ("class", "grid"), ("x1", N(x)), ("x2", N(x)), ("y1", "0"), ("y2", N(height - AxisHeight + 4)))
                .Element("text", TokyoTime.Tick(tick, axis.SpansDays && day != previousDay), ("class", "tick"), ("x", N(x)), ("y", N(height - 8)));
            previousDay = day;
        }
    }

    private static void Lane(
        DashboardPage page, HtmlWriter html, TimeAxis axis, TimelineStepRow step, Runbook runbook, IReadOnlyList<TimelineMark> marks, double top)
    {
        var end = step.FinishedAt ?? page.Now;
        var start = axis.X(step.OpenedAt);
        var finish = Math.Max(axis.X(end), start + 2);
        var title = runbook.Step(step.StepKey)?.Title.In(page.Language) ?? step.StepKey;
        var late = step.DueAt < end;
        html.Open("g", ("class", $"lane {step.Status}{(late ? " was-late" : "")}"), ("data-step", step.StepKey))
            .Element("text", step.Generation > 1 ? $"{title} ({step.Generation})" : title, ("class", "lane-label"), ("x", N(Left)), ("y", N(top + 12)))
            .Empty("rect", ("class", "window"), ("x", N(start)), ("y", N(top + 17)), ("width", N(Math.Max(Math.Min(axis.X(step.DueAt), Left + PlotWidth) - start, 1))), ("height", "12"), ("rx", "3"))
            .Empty("rect", ("class", "bar"), ("x", N(start)), ("y", N(top + 17)), ("width", N(finish - start)), ("height", "12"), ("rx", "3"));
        if (late)
        {
            var from = Math.Min(axis.X(step.DueAt), finish);
            html.Empty("rect", ("class", "late-band"), ("x", N(from)), ("y", N(top + 17)), ("width", N(Math.Max(finish - from, 1))), ("height", "12"));
        }

        if (step.DueAt > axis.To)
        {
            html.Element("text", $"{page.T(Ui.Deadline)} {TokyoTime.Tick(step.DueAt, withDate: true)} →", ("class", "beyond"), ("x", N(Left + PlotWidth)), ("y", N(top + 12)));
        }
        else
        {
            var due = axis.X(step.DueAt);
            html.Open("g", ("class", "deadline"))
                .Empty("line", ("x1", N(due)), ("x2", N(due)), ("y1", N(top + 15)), ("y2", N(top + 31)))
                .Element("title", $"{page.T(Ui.Deadline)}: {page.Time(step.DueAt)}")
                .Close("g");
        }

        foreach (var escalation in marks.Where(m => m.Type == "step-escalated" && m.StepKey == step.StepKey &&
                                                    m.OccurredAt >= step.OpenedAt && (step.FinishedAt is null || m.OccurredAt <= step.FinishedAt)))
        {
            var x = axis.X(escalation.OccurredAt);
            var y = top + 23;
            html.Open("g", ("class", "escalation"))
                .Empty("polygon", ("points", $"{N(x)},{N(y - 7)} {N(x + 7)},{N(y)} {N(x)},{N(y + 7)} {N(x - 7)},{N(y)}"))
                .Element("text", $"L{escalation.EscalationLevel}", ("x", N(x + 9)), ("y", N(y - 4)))
                .Element("title", $"{page.T(Ui.Escalation)} {page.T(Ui.Level)} {escalation.EscalationLevel}: {page.Time(escalation.OccurredAt)}")
                .Close("g");
        }

        html.Close("g");
    }

    private static void Marks(DashboardPage page, HtmlWriter html, TimeAxis axis, IReadOnlyList<TimelineMark> marks, Func<string, string> nameOf)
    {
        html.Empty("line", ("class", "event-axis"), ("x1", N(Left)), ("x2", N(Left + PlotWidth)), ("y1", "24"), ("y2", "24"));
        foreach (var mark in marks)
        {
            var x = axis.X(mark.OccurredAt);
            var escalated = mark.Type == "step-escalated";
            html.Open("g", ("class", escalated ? "mark escalation" : $"mark {mark.Type}"), ("data-type", mark.Type));
            if (escalated)
            {
                html.Empty("polygon", ("points", $"{N(x)},17 {N(x + 7)},24 {N(x)},31 {N(x - 7)},24"));
            }
            else
            {
                html.Empty("circle", ("cx", N(x)), ("cy", "24"), ("r", "5"));
            }

            html.Element("title", $"{page.Time(mark.OccurredAt)} {page.T(Labels.EventType(mark.Type))} — {nameOf(mark.ActorId)}").Close("g");
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
