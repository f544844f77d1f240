using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>A gemeente's connection to the BRP. The API key and the client certificate are stored encrypted (Data Protection).</summary>
internal sealed class BrpAansluiting : ITenantOwned
{
    private BrpAansluiting()
    {
        Endpoint = GewijzigdDoor = string.Empty;
    }

    public BrpAansluiting(DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Endpoint = GewijzigdDoor = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Endpoint { get; set; }

    public string? ApiSleutelVersleuteld { get; set; }

    public string? CertificaatVersleuteld { get; set; }

    public string? CertificaatWachtwoordVersleuteld { get; set; }

    public string? CertificaatOnderwerp { get; set; }

    public DateTimeOffset? CertificaatGeldigTot { get; set; }

    public string? GemeenteCode { get; set; }

    public string GewijzigdDoor { get; set; }

    public DateTimeOffset GewijzigdOp { get; set; }
}
