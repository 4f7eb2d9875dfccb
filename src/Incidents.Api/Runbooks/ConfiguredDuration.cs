using System.Globalization;

namespace Incidents.Api.Runbooks;

/// <summary>
/// Durations as operators write them in configuration: a .NET time span ("00:45:00", "7.00:00:00") or a number with a
/// unit ("45m", "2h", "7d", "90s").
/// </summary>
public static class ConfiguredDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var value = text?.Trim() ?? "";
        if (value.Length >= 2 && char.IsAsciiLetter(value[^1]) &&
            double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? parsed = char.ToLowerInvariant(value[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            duration = parsed ?? default;
            return parsed is not null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration);
    }
}
