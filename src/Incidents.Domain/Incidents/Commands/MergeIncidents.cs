using System.Collections.Frozen;
using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Text;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// Merges a duplicate incident into the one that carries on the response. The survivor takes the duplicate's reports
/// and answers for its account from then on; the duplicate's open steps are waived (the survivor's runbook does that
/// work) and it closes. Decided on both states at once, so it is not an <see cref="IIncidentCommand"/>.
/// </summary>
public sealed record MergeIncidents(Guid DuplicateId, string? Reason)
{
    public static readonly LocalizedText WaivedByMerge = new("重複として別のインシデントに統合したため不要", "Not needed: merged into another incident as a duplicate");

    /// <summary>Officers who direct a response decide that two incidents are one.</summary>
    public static readonly FrozenSet<Role> PermittedRoles = new[] { Role.DepartmentHead, Role.SecurityManager, Role.Ciso }.ToFrozenSet();

    public MergeDecision Decide(IncidentState survivor, IncidentState duplicate, CommandContext context)
    {
        if (DuplicateId == survivor.Id)
        {
            return Refusal.Invalid("merge-into-itself", "An incident cannot be merged into itself; name the duplicate.");
        }

        if (!survivor.Exists)
        {
            return Refusal.Missing("incident-not-found", "No incident has this id.");
        }

        if (!duplicate.Exists)
        {
            return Refusal.Missing("duplicate-not-found", "No incident has the duplicate's id.");
        }

        if (duplicate.MergedInto == survivor.Id)
        {
            return MergeDecision.NoChange;
        }

        if ((IncidentGuard.RequireActive(survivor) ?? SecretText.Check(Reason)) is { } refusal)
        {
            return refusal;
        }

        if (duplicate.Status == IncidentStatus.Closed)
        {
            return Refusal.Conflict(
                "duplicate-closed", "The duplicate is closed (or merged elsewhere already); only open incidents are merged.");
        }

        var absorbed = new List<MergedIncident> { new(duplicate.Id, duplicate.Kind, duplicate.Platform, duplicate.AccountHandle) };
        absorbed.AddRange(duplicate.MergedIncidents);
        var first = new ReceivedReport(
            duplicate.AccountHandle, duplicate.AccountUrl, duplicate.WhatWasSeen, duplicate.EvidenceUrls, duplicate.DiscoveredAt,
            duplicate.ReporterContact, duplicate.ReportedBy, duplicate.ReportedAt);
        var reports = new[] { first }.Concat(duplicate.AdditionalReports)
            .Select(r => r with { MergedFrom = r.MergedFrom ?? duplicate.Id })
            .ToList();

        var survivorEvents = new IIncidentEvent[]
        {
            new IncidentMerged(survivor.Id, duplicate.Id, absorbed, reports, Reason, context.By, context.Now),
        };
        var duplicateEvents = duplicate.Steps.Where(s => s.IsOpen)
            .Select(s => (IIncidentEvent)new StepWaived(duplicate.Id, s.Key, s.Generation, WaivedByMerge.Ja, context.By, context.Now))
            .Append(new IncidentMergedInto(duplicate.Id, survivor.Id, Reason, context.By, context.Now))
            .Append(new IncidentClosed(duplicate.Id, context.By, context.Now))
            .ToList();
        return MergeDecision.Accept(survivorEvents, duplicateEvents);
    }
}
