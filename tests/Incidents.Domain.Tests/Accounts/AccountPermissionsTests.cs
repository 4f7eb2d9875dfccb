using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Domain.Tests.Accounts;

/// <summary>The department head owns an account; the CISO keeps the public list; security officers may close one at once.</summary>
public sealed class AccountPermissionsTests
{
    public static TheoryData<string, Role[]> Permissions() => new()
    {
        { nameof(OpenAccount), [Role.DepartmentHead] },
        { nameof(ChangeAccount), [Role.DepartmentHead] },
        { nameof(AddToPublicList), [Role.Ciso] },
        { nameof(RecordVerifiedBadge), [Role.DepartmentHead, Role.Ciso] },
        { nameof(NotifyAbolition), [Role.DepartmentHead] },
        { nameof(RemoveFromPublicList), [Role.Ciso] },
        { nameof(CloseAccount), [Role.DepartmentHead] },
        { nameof(CloseAccountUnderThreat), [Role.SecurityManager, Role.Ciso] },
    };

    private static readonly IReadOnlyDictionary<string, IAccountCommand> Samples = new IAccountCommand[]
    {
        AccountScenario.Open(),
        new ChangeAccount(null, null, null, null, null, null, null, null, null, null, "承認者"),
        new AddToPublicList(),
        new RecordVerifiedBadge(true, null),
        new NotifyAbolition(Domain.Accounts.AbolitionReason.Other, null, null),
        new RemoveFromPublicList(),
        new CloseAccount(null),
        new CloseAccountUnderThreat("脅威"),
    }.ToDictionary(c => c.GetType().Name);

    [Fact]
    public void Every_account_command_has_a_permission_row()
    {
        var commandTypes = typeof(IAccountCommand).Assembly.GetTypes()
            .Where(t => typeof(IAccountCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.Name)
            .Order();

        Assert.Equal(commandTypes, Permissions().Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Permissions))]
    public void Each_account_command_is_open_to_exactly_its_roles(string command, Role[] roles)
    {
        Assert.Equal(roles.Order(), Samples[command].PermittedRoles.Order());
    }

    [Fact]
    public void Merging_incidents_is_for_the_officers_who_direct_a_response()
    {
        Assert.Equal([Role.DepartmentHead, Role.SecurityManager, Role.Ciso], MergeIncidents.PermittedRoles.Order());
    }
}
