using Incidents.Domain.Deadlines;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Deadlines;

public sealed class DeadlineTimerTests
{
    private static readonly DeadlineTimer Timer = new(Given.IncidentId, "request-takedown", 2, 3, Given.Start);

    [Fact]
    public void A_timer_is_keyed_by_incident_step_generation_and_escalation()
    {
        Assert.Equal($"{Given.IncidentId:D}/request-takedown/2/3", Timer.Key);
        Assert.Equal($"{Given.IncidentId:D}/request-takedown", Timer.Group);
    }

    [Fact]
    public void A_step_cancellation_covers_only_that_steps_timers()
    {
        Assert.True(new TimerCancellation(Given.IncidentId, "request-takedown").Covers(Timer));
        Assert.False(new TimerCancellation(Given.IncidentId, "publish-warning").Covers(Timer));
        Assert.False(new TimerCancellation(Guid.Empty, "request-takedown").Covers(Timer));
    }

    [Fact]
    public void An_incident_cancellation_covers_every_timer_of_that_incident()
    {
        Assert.True(new TimerCancellation(Given.IncidentId, null).Covers(Timer));
        Assert.False(new TimerCancellation(Guid.Empty, null).Covers(Timer));
    }
}
