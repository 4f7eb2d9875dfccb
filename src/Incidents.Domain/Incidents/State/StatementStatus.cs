namespace Incidents.Domain.Incidents.State;

public enum StatementStatus
{
    Draft,
    Approved,
    Published,
}
