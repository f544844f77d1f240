using Inburgering.Modules.Documenten.Features.Brieven;
using Inburgering.Modules.Documenten.Features.Digest;
using Inburgering.Modules.Documenten.Features.Sjablonen;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Documenten;

/// <summary>Letters and e-mail from templates a gemeente may word its own way, rendered in a sandbox.</summary>
public sealed class DocumentenModule : IModule
{
    public string Name => "Documenten";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.DocumentPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<Data.DocumentenDbContext>(Data.DocumentenDbContext.SchemaName);
        services.AddScoped<SjabloonBibliotheek>();
        services.AddScoped<Contracts.ISjabloonBeheer>(sp => sp.GetRequiredService<SjabloonBibliotheek>());
        services.AddScoped<Contracts.IBrieven, BriefService>();
        services.AddScoped<Contracts.IInzageRapporten, Features.Inzage.InzageRapporten>();
        services.AddScoped<Platform.Bewaren.IBewaarstap, Features.Bewaren.MailInhoudWissen>();
        services.AddSingleton(Features.Bewaren.MailInhoudWissen.Norm);
        services.AddScoped<Contracts.IDigestVoorkeur, DigestVoorkeur>();
        services.AddScoped<SmtpBeheer>();
        services.AddScoped<Contracts.IMailInstellingen>(sp => sp.GetRequiredService<SmtpBeheer>());
        services.AddScoped<MailVerzender>();
        services.AddScoped<DigestGemeenteJob>();
        services.AddScoped<DigestPlanner>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, DigestRecurringJob>();
        services.AddSingleton(new TenantSettingDefinition(DigestInstellingen.TijdSleutel,
            "Hoe laat klantregisseurs de dagelijkse e-mail met nieuwe en verlopen signalen en de afspraken van vandaag krijgen.",
            DigestInstellingen.StandaardTijd, DigestInstellingen.Tijden));
        foreach (var (sleutel, titel) in SjabloonBibliotheek.Titels.Where(t => t.Key != SjabloonBibliotheek.DigestSleutel))
        {
            services.AddSingleton(new TenantSettingDefinition(SjabloonBibliotheek.VierOgenPrefix + sleutel,
                $"Vier ogen voor '{titel}': een collega keurt de brief goed voordat hij als verzonden telt.", SjabloonBibliotheek.StandaardVierOgen(sleutel), ["aan", "uit"]));
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SjabloonEndpoints.Map(endpoints);
        BriefEndpoints.Map(endpoints);
        SmtpEndpoints.Map(endpoints);
        Features.Inzage.InzageEndpoints.Map(endpoints);
    }
}
