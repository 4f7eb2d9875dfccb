namespace Incidents.Domain.Incidents;

public enum StatementChannel
{
    Homepage,
    OfficialAccount,
    Press,
}
