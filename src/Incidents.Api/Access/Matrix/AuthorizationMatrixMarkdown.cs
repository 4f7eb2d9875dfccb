using System.Text;
using Incidents.Domain.Access;

namespace Incidents.Api.Access.Matrix;

/// <summary>
/// The README's authorisation table, generated from <see cref="AuthorizationMatrix"/> between two markers; a test
/// fails while the README and the code disagree, and <c>scripts/generate-authorization-matrix.sh</c> rewrites it.
/// </summary>
public static class AuthorizationMatrixMarkdown
{
    public const string Start = "<!-- authorization-matrix:start — generated from src/Incidents.Api/Access/Matrix/AuthorizationMatrix.cs by scripts/generate-authorization-matrix.sh; do not edit -->";
    public const string End = "<!-- authorization-matrix:end -->";

    public static string Render(IReadOnlyList<EndpointRule> rules)
    {
        var roles = Enum.GetValues<Role>();
        var table = new StringBuilder();
        table.Append(Start).Append('\n');
        table.Append("| method | route | sign-in | ").AppendJoin(" | ", roles.Select(RoleNames.Of)).Append(" |\n");
        table.Append("|---|---|---|").Append(string.Concat(roles.Select(_ => ":-:|"))).Append('\n');
        foreach (var rule in rules)
        {
            table.Append($"| {rule.Method} | `{rule.Route}` | {SignIn(rule.Credential)} | ")
                .AppendJoin(" | ", roles.Select(role => rule.Allows(role) ? "✓" : "·"))
                .Append(" |\n");
        }

        table.Append('\n')
            .Append($"{rules.Count(r => !r.IsDashboard)} API endpoints and {rules.Count(r => r.IsDashboard)} dashboard pages and actions, × {roles.Length} roles. ")
            .Append("✓ allowed, · refused with 403 (the dashboard shows its \"not permitted\" page). Without a token, or with a bad one, ")
            .Append("every row but the public ones answers 401; the dashboard sends you to its sign-in page.\n")
            .Append(End);
        return table.ToString();
    }

    /// <summary>The document with its generated section replaced by <paramref name="section"/>.</summary>
    public static string Replace(string document, string section)
    {
        var (start, end) = Bounds(document);
        return document[..start] + section + document[(end + End.Length)..];
    }

    /// <summary>The generated section as it stands in the document.</summary>
    public static string Extract(string document)
    {
        var (start, end) = Bounds(document);
        return document[start..(end + End.Length)];
    }

    private static (int Start, int End) Bounds(string document)
    {
        var start = document.IndexOf("<!-- authorization-matrix:start", StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("The document has no authorization-matrix section; add the start and end markers where the table belongs.");
        }

        return (start, end);
    }

    private static string SignIn(Credential credential) => credential switch
    {
        Credential.None => "public",
        Credential.BearerToken => "token",
        Credential.DashboardSession => "session",
        _ => throw new ArgumentOutOfRangeException(nameof(credential), credential, null),
    };
}
