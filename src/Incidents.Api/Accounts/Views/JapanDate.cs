using System.Globalization;

namespace Incidents.Api.Accounts.Views;

/// <summary>Dates as the public reads them: the calendar day in Japan (JST has no daylight saving, so a fixed offset).</summary>
public static class JapanDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static string Of(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
