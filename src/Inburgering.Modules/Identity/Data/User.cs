using Microsoft.AspNetCore.Identity;

namespace Inburgering.Modules.Identity.Data;

/// <summary>
/// One global identity per person (unique e-mail). Lives in Data, not Domain, because it extends ASP.NET Core
/// Identity's persisted user; what the person may do comes from their memberships.
/// </summary>
[Inburgering.Platform.Tenancy.HostLevel("A person is one identity across organisations; memberships carry the organisation.")]
internal sealed class User : IdentityUser<Guid>
{
    public string Naam { get; set; } = string.Empty;

    public bool Uitgeschakeld { get; set; }

    public DateTimeOffset? UitgeschakeldOp { get; set; }

    /// <summary>The organisation the person last worked for; the next sign-in starts there.</summary>
    public Guid? ActieveOrganisatieId { get; set; }

    /// <summary>The last accepted TOTP time step: a code is accepted once only.</summary>
    public long LaatsteTotpStap { get; set; }

    public string Taal { get; set; } = "nl";
}
