namespace Incidents.Api.Dashboard.Rendering;

/// <summary>Maps instants onto a horizontal span of an SVG, and picks round tick intervals for its labels.</summary>
public sealed class TimeAxis
{
    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30),
    ];

    private readonly double _left;
    private readonly double _width;

    public TimeAxis(DateTimeOffset from, DateTimeOffset to, double left, double width)
    {
        var span = to - from;
        var padding = TimeSpan.FromTicks(Math.Max(span.Ticks / 25, TimeSpan.FromMinutes(5).Ticks));
        From = from - padding;
        To = to + padding;
        _left = left;
        _width = width;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public double X(DateTimeOffset instant) =>
        Math.Round(_left + (instant - From).Ticks / (double)(To - From).Ticks * _width, 1);

    /// <summary>Round instants (in Tokyo time, since labels are read there) at most about eight apart across the axis.</summary>
    public IEnumerable<DateTimeOffset> Ticks()
    {
        var step = TickSteps.FirstOrDefault(s => (To - From).Ticks / s.Ticks <= 8, TickSteps[^1]);
        var tokyo = TimeSpan.FromHours(9);
        var start = new DateTimeOffset((From.UtcTicks + tokyo.Ticks) / step.Ticks * step.Ticks - tokyo.Ticks, TimeSpan.Zero);
        for (var tick = start; tick <= To; tick += step)
        {
            if (tick >= From)
            {
                yield return tick;
            }
        }
    }

    public bool SpansDays => To - From > TimeSpan.FromHours(20);
}
