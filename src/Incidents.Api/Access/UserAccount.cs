using Incidents.Domain.Access;

namespace Incidents.Api.Access;

public sealed record UserAccount(Guid Id, string Name, IReadOnlyList<Role> Roles, string? Email);
