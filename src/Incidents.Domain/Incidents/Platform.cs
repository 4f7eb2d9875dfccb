namespace Incidents.Domain.Incidents;

public enum Platform
{
    X,
    Facebook,
    Instagram,
    YouTube,
    Line,
    Other,
}
