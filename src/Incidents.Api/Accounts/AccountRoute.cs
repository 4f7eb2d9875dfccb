using Incidents.Api.Http;
using Incidents.Domain.Accounts;

namespace Incidents.Api.Accounts;

public static class AccountRoute
{
    public static OfficialAccountId ParseId(string id) =>
        Guid.TryParseExact(id, "D", out var guid)
            ? new OfficialAccountId(guid)
            : throw Problems.NotFound("account-not-found", "No official account has this id; ids look like 0190f4f6-1c2e-7d3a-9b4e-2f1a3c5d7e9f.");
}
