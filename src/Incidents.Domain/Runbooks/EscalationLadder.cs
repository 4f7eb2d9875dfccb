using Incidents.Domain.Access;

namespace Incidents.Domain.Runbooks;

/// <summary>
/// What happens when a step runs past its deadline: each rung notifies someone higher, and the last rung repeats
/// every <see cref="RepeatEvery"/> until someone acts.
/// </summary>
public sealed record EscalationLadder(IReadOnlyList<EscalationRung> Rungs, TimeSpan RepeatEvery)
{
    /// <summary>Escalations are numbered from 1; numbers past the last rung are repeats of it.</summary>
    public EscalationRung RungFor(int escalation) => Rungs[LevelFor(escalation) - 1];

    public int LevelFor(int escalation) => Math.Min(escalation, Rungs.Count);

    public bool IsRepeat(int escalation) => escalation > Rungs.Count;

    /// <summary>How long after the previous escalation (or the deadline) escalation number <paramref name="escalation"/> is due.</summary>
    public TimeSpan DelayBefore(int escalation) => IsRepeat(escalation) ? RepeatEvery : Rungs[escalation - 1].After;

    /// <summary>Remind the responsible role at the deadline, then the department head, then the CISO.</summary>
    public static EscalationLadder Standard(Role responsible, TimeSpan step, TimeSpan repeatEvery) => new(
        [
            new EscalationRung(TimeSpan.Zero, responsible),
            new EscalationRung(step, Role.DepartmentHead),
            new EscalationRung(step, Role.Ciso),
        ],
        repeatEvery);

    /// <summary>For steps that must happen within the hour: rungs 15 minutes apart, repeating every 30 minutes.</summary>
    public static EscalationLadder Urgent(Role responsible) =>
        Standard(responsible, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));

    /// <summary>For steps measured in hours: rungs an hour apart, repeating every two hours.</summary>
    public static EscalationLadder Hours(Role responsible) =>
        Standard(responsible, TimeSpan.FromHours(1), TimeSpan.FromHours(2));

    /// <summary>For steps measured in days, such as waiting for a platform's answer: rungs and repeats a day apart.</summary>
    public static EscalationLadder Days(Role responsible) =>
        Standard(responsible, TimeSpan.FromDays(1), TimeSpan.FromDays(1));
}
