namespace Incidents.Api.Http;

/// <summary>A request body that checks its own shape (lengths, URLs, counts) once it has been read.</summary>
public interface IValidatedRequest
{
    void Validate(RequestErrors errors);
}
