using Incidents.Api.Dashboard.Localization;
using Incidents.Projections.Checkpoints;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>Says on every page, at the top, when a read model stopped at an event it cannot handle.</summary>
public static class FaultBanner
{
    public static async Task WriteAsync(DashboardPage page, HtmlWriter html, CheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        var faulted = (await checkpoints.ReadAllAsync(cancellationToken)).Where(c => c.Status == CheckpointStatus.Faulted).ToList();
        if (faulted.Count == 0)
        {
            return;
        }

        html.Open("div", ("class", "alert banner"), ("role", "alert"), ("id", "projection-fault"))
            .Element("p", page.T(Ui.ProjectionStopped))
            .Open("details").Element("summary", page.T(Ui.Details)).Open("ul");
        foreach (var checkpoint in faulted)
        {
            html.Element("li", $"{checkpoint.Name}: {checkpoint.Fault?.Position} {checkpoint.Fault?.EventType} — {checkpoint.Fault?.Reason}");
        }

        html.Close("ul").Close("details").Close("div");
    }
}
