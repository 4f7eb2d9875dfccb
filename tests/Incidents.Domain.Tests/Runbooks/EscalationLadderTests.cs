using Incidents.Domain.Access;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Tests.Runbooks;

public sealed class EscalationLadderTests
{
    private static readonly EscalationLadder Urgent = EscalationLadder.Urgent(Role.Staff);

    [Theory]
    [InlineData(1, 1, Role.Staff, false, 0)]
    [InlineData(2, 2, Role.DepartmentHead, false, 15)]
    [InlineData(3, 3, Role.Ciso, false, 15)]
    [InlineData(4, 3, Role.Ciso, true, 30)]
    [InlineData(9, 3, Role.Ciso, true, 30)]
    public void An_urgent_ladder_climbs_every_quarter_hour_then_repeats_every_half_hour(
        int escalation, int level, Role notify, bool isRepeat, int minutesBefore)
    {
        Assert.Equal(level, Urgent.LevelFor(escalation));
        Assert.Equal(notify, Urgent.RungFor(escalation).Notify);
        Assert.Equal(isRepeat, Urgent.IsRepeat(escalation));
        Assert.Equal(TimeSpan.FromMinutes(minutesBefore), Urgent.DelayBefore(escalation));
    }

    [Fact]
    public void Hour_and_day_ladders_space_their_rungs_and_repeats_accordingly()
    {
        var hours = EscalationLadder.Hours(Role.SecurityManager);
        var days = EscalationLadder.Days(Role.Staff);

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(2)), (hours.DelayBefore(2), hours.DelayBefore(4)));
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromDays(1)), (days.DelayBefore(2), days.DelayBefore(4)));
        Assert.Equal(Role.SecurityManager, hours.RungFor(1).Notify);
    }
}
