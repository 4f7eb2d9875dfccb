using System.Text.Json;
using Incidents.Domain.Access;

namespace Incidents.Api.Access;

/// <summary>Roles as the API, the CLI and the database spell them: staff, publishing-officer, department-head, …</summary>
public static class RoleNames
{
    private static readonly Dictionary<Role, string> Names =
        Enum.GetValues<Role>().ToDictionary(r => r, r => JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()));

    private static readonly Dictionary<string, Role> Roles = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IEnumerable<string> All => Names.Values;

    public static string Of(Role role) => Names[role];

    public static bool TryParse(string name, out Role role) => Roles.TryGetValue(name.Trim().ToLowerInvariant(), out role);
}
