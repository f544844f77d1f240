using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Tenancy.Domain;

/// <summary>A gemeente's own setting (e.g. whether klantregisseurs see the whole tenant's dossiers).</summary>
internal sealed class TenantSetting : ITenantOwned
{
    private TenantSetting()
    {
        Sleutel = string.Empty;
        Waarde = string.Empty;
    }

    public TenantSetting(string sleutel, string waarde, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Sleutel = sleutel;
        Waarde = waarde;
        GewijzigdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Sleutel { get; private set; }

    public string Waarde { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public void Wijzig(string waarde, DateTimeOffset nu)
    {
        Waarde = waarde;
        GewijzigdOp = nu;
    }
}
