using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Identity.Domain;

/// <summary>
/// A person's place in one organisation: the roles they hold there and, for COA, the azc locations they serve.
/// </summary>
[HostLevel("A person's memberships span organisations and are listed at login before any tenant is active; handlers restrict tenant admins to their own organisation.")]
internal sealed class Membership
{
    private Membership()
    {
        Rollen = [];
        CoaLocatieIds = [];
    }

    public Membership(Guid userId, Guid organisationId, OrganisationKind soort, IEnumerable<string> rollen, IEnumerable<Guid>? coaLocatieIds, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        UserId = userId;
        OrganisationId = organisationId;
        Soort = soort;
        Rollen = [.. rollen.Distinct().Order(StringComparer.Ordinal)];
        CoaLocatieIds = [.. coaLocatieIds ?? []];
        AangemaaktOp = nu;
        AkkoordOp = nu;
    }

    /// <summary>
    /// An invitation of a person who already works for another organisation: no access until they accept it, and until
    /// then the inviter sees only the name they typed themselves, nothing of the person's account.
    /// </summary>
    public static Membership Uitnodiging(Guid userId, Guid organisationId, OrganisationKind soort, IEnumerable<string> rollen, IEnumerable<Guid>? coaLocatieIds,
        string getypteNaam, DateTimeOffset nu) =>
        new(userId, organisationId, soort, rollen, coaLocatieIds, nu) { AkkoordOp = null, UitgenodigdAls = getypteNaam };

    /// <summary>When the person agreed to this membership; null while an invitation waits for them.</summary>
    public DateTimeOffset? AkkoordOp { get; private set; }

    /// <summary>The name the inviter typed, shown to the inviter while the invitation waits.</summary>
    public string? UitgenodigdAls { get; private set; }

    public bool Wacht => AkkoordOp is null;

    public void Aanvaard(DateTimeOffset nu)
    {
        AkkoordOp = nu;
        UitgenodigdAls = null;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public OrganisationKind Soort { get; private set; }

    public List<string> Rollen { get; private set; }

    public List<Guid> CoaLocatieIds { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }

    /// <summary>Switched off by the organisation's beheerder: the person keeps other memberships, not this one.</summary>
    public bool Uitgeschakeld { get; private set; }

    public DateTimeOffset? UitgeschakeldOp { get; private set; }

    public void SchakelUit(DateTimeOffset nu)
    {
        Uitgeschakeld = true;
        UitgeschakeldOp = nu;
    }

    public void SchakelIn()
    {
        Uitgeschakeld = false;
        UitgeschakeldOp = null;
    }

    public void WijsRollenToe(IEnumerable<string> rollen) => Rollen = [.. rollen.Distinct().Order(StringComparer.Ordinal)];

    public void WijsLocatiesToe(IEnumerable<Guid> locaties) => CoaLocatieIds = [.. locaties.Distinct()];
}

/// <summary>A gemeente's own change to the default permissions of one of its roles.</summary>
internal sealed class RolePermissionGrant : ITenantOwned
{
    private RolePermissionGrant()
    {
        Rol = string.Empty;
        Permissie = string.Empty;
    }

    public RolePermissionGrant(string rol, string permissie, bool toegestaan, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Rol = rol;
        Permissie = permissie;
        Toegestaan = toegestaan;
        GewijzigdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Rol { get; private set; }

    public string Permissie { get; private set; }

    public bool Toegestaan { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public void Zet(bool toegestaan, DateTimeOffset nu)
    {
        Toegestaan = toegestaan;
        GewijzigdOp = nu;
    }
}
