namespace Incidents.Domain.Incidents;

public enum Platform
{
    X,
    Facebook,
    Instagram,
    Youtube,
    Line,
    Other,
}
