using System.Globalization;

namespace Incidents.Api.Dashboard.Localization;

/// <summary>
/// Times as the officers read them: in Asia/Tokyo. Japan keeps no daylight saving time, so a fixed +09:00 is the
/// fallback where the machine has no time-zone database.
/// </summary>
public static class TokyoTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"2026/04/01 09:00" (ja) or "2026-04-01 09:00" (en), Tokyo time.</summary>
    public static string Format(DateTimeOffset instant, string language) =>
        Of(instant).ToString(language == Language.English ? "yyyy-MM-dd HH:mm" : "yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset instant) => Of(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Axis labels: the time of day, with the date where the day changes.</summary>
    public static string Tick(DateTimeOffset instant, bool withDate) =>
        Of(instant).ToString(withDate ? "M/d HH:mm" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"1時間5分" / "1 h 5 min".</summary>
    public static string Span(TimeSpan span, string language)
    {
        span = span.Duration();
        var english = language == Language.English;
        if (span.TotalMinutes < 1)
        {
            return english ? "under 1 min" : "1分未満";
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(english ? $"{span.Days} d" : $"{span.Days}日");
        }

        if (span.Hours > 0)
        {
            parts.Add(english ? $"{span.Hours} h" : $"{span.Hours}時間");
        }

        if (span.Minutes > 0 && span.Days == 0)
        {
            parts.Add(english ? $"{span.Minutes} min" : $"{span.Minutes}分");
        }

        return string.Join(english ? " " : "", parts);
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan Standard Time", "JST");
        }
    }
}
