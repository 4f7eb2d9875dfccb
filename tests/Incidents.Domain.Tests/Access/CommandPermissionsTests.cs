using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Access;

/// <summary>Who may issue each command at all; the service checks this before the decision runs.</summary>
public sealed class CommandPermissionsTests
{
    private const Role Staff = Role.Staff;
    private const Role Officer = Role.PublishingOfficer;
    private const Role Head = Role.DepartmentHead;
    private const Role Manager = Role.SecurityManager;
    private const Role Ciso = Role.Ciso;
    private const Role Bot = Role.Automation;

    public static TheoryData<string, Role[]> Permissions() => new()
    {
        { nameof(ReportIncident), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(AcknowledgeIncident), [Head, Manager, Ciso, Bot] },
        { nameof(AssignIncident), [Head, Manager, Ciso, Bot] },
        { nameof(AssignStep), [Head, Manager, Ciso, Bot] },
        { nameof(ReportToOfficers), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RequestTakedown), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RecordPlatformAnswer), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RecordPasswordRotation), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RecordPostsDeleted), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RecordPcScan), [Manager, Ciso, Bot] },
        { nameof(DraftStatement), [Staff, Officer, Head, Manager, Ciso] },
        { nameof(ReviseStatement), [Staff, Officer, Head, Manager, Ciso] },
        { nameof(ApproveStatement), [Officer, Head, Ciso] },
        { nameof(PublishStatement), [Staff, Officer, Head, Manager, Ciso] },
        { nameof(RecordPoliceContact), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(RecordSpreadCheck), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(CompleteStep), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(WaiveStep), [Head, Manager, Ciso, Bot] },
        { nameof(EscalateOverdueStep), [Bot] },
        { nameof(ResolveIncident), [Head, Manager, Ciso, Bot] },
        { nameof(CloseIncident), [Manager, Ciso] },
        { nameof(ReopenIncident), [Manager, Ciso] },
        { nameof(RecordAdditionalReport), [Staff, Officer, Head, Manager, Ciso, Bot] },
        { nameof(LinkGenuineAccount), [Staff, Officer, Head, Manager, Ciso, Bot] },
    };

    [Fact]
    public void Every_command_of_the_domain_has_a_sample_and_a_permission_row()
    {
        var commandTypes = typeof(IIncidentCommand).Assembly.GetTypes()
            .Where(t => typeof(IIncidentCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.Name)
            .Order();

        Assert.Equal(commandTypes, CommandSamples.ByName.Keys.Order());
        Assert.Equal(commandTypes, Permissions().Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Permissions))]
    public void Each_command_is_open_to_exactly_its_roles(string command, Role[] roles)
    {
        Assert.Equal(roles.Order(), CommandSamples.ByName[command].PermittedRoles.Order());
        Assert.DoesNotContain(Role.Admin, CommandSamples.ByName[command].PermittedRoles);
    }
}
