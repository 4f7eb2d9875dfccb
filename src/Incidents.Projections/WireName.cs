using System.Text.Json;

namespace Incidents.Projections;

/// <summary>The kebab-case name of an enum value, as the API and the read models spell it.</summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
