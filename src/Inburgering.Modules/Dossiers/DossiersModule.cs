using Inburgering.Modules.Dossiers.Data;
using Inburgering.Modules.Dossiers.Features.Caseload;
using Inburgering.Modules.Dossiers.Features.Coa;
using Inburgering.Modules.Dossiers.Features.Mijlpalen;
using Inburgering.Modules.Dossiers.Features.Omkoppeling;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Dossiers.Features.Tijdlijn;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers;

/// <summary>The vergunninghouder's dossier: koppeling, milestones, PIP and termijn, tijdlijn, omkoppeling, COA's view, signals.</summary>
public sealed class DossiersModule : IModule
{
    public string Name => "Dossiers";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.DossierPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<DossiersDbContext>(DossiersDbContext.SchemaName);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, Features.Weergave.DossierJson.Default));
        services.AddScoped<DossierWerkplaats>();
        services.AddHealthChecks().AddCheck<Jobs.UitgangGezondheid>("uitgang", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, [Platform.Health.GezondheidsRapport.DetailTag]);
        services.AddScoped<DossierLezer>();
        services.AddScoped<CoaToegang>();
        services.AddScoped<Contracts.ICoaBewoners>(sp => sp.GetRequiredService<CoaToegang>());
        services.AddScoped<CaseloadLezer>();
        services.AddScoped<Features.Weergave.DossierOverzichten>();
        services.AddScoped<Contracts.IDossierOverzichten>(sp => sp.GetRequiredService<Features.Weergave.DossierOverzichten>());
        services.AddScoped<Contracts.IDossierInzage, Features.Inzage.DossierInzage>();
        services.AddScoped<Features.Rechten.Beperking>();
        services.AddScoped<Features.Rechten.Verwijderen>();
        services.AddScoped<Features.Rechten.Bewaarplicht>();
        services.AddScoped<Platform.Bewaren.IBewaarstap, Features.Rechten.DossierAnonimisering>();
        services.AddScoped<Platform.Bewaren.IBewaarstap, Features.Rechten.GezondheidVernietiging>();
        services.AddScoped<Platform.Bewaren.IBewaarstap, Features.Rechten.OmkoppelingOpruiming>();
        services.AddScoped<Contracts.IDossierBeperking>(sp => sp.GetRequiredService<Features.Rechten.Beperking>());
        services.AddScoped<DossierMijlpalen>();
        services.AddScoped<Contracts.IDossierMijlpalen>(sp => sp.GetRequiredService<DossierMijlpalen>());
        services.AddScoped<DossierRegistratie>();
        services.AddScoped<Features.Huishouden.DossierHuishouden>();
        services.AddScoped<Features.Duo.DuoInformatie>();
        services.AddScoped<Features.Duo.DuoOverzicht>();
        services.AddScoped<Features.Contactmomenten.DossierContactmomenten>();
        services.AddScoped<Features.Afspraken.DossierAfspraken>();
        services.AddScoped<Contracts.IDossierZaakwerk, Features.Zaakwerk.DossierZaakwerk>();
        services.AddScoped<Features.Bestanden.DossierBestanden>();
        services.AddOptions<Features.Bestanden.BestandenOptions>().BindConfiguration("Bestanden");
        services.AddSingleton<Features.Bestanden.S3Verbinding>();
        services.AddScoped<Features.Bestanden.IBestandsopslag>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Bestanden.BestandenOptions>>().Value.Opslag == Features.Bestanden.BestandenOptions.S3
                ? ActivatorUtilities.CreateInstance<Features.Bestanden.S3Bestandsopslag>(sp)
                : ActivatorUtilities.CreateInstance<Features.Bestanden.PostgresBestandsopslag>(sp));
        services.AddScoped<Features.Import.KoppelingImporteur>();
        services.AddScoped<Contracts.IKoppelingImport>(sp => sp.GetRequiredService<Features.Import.KoppelingImporteur>());
        services.AddScoped<Features.Import.KoppelingImportJob>();
        services.Configure<Features.Brp.BrpOpties>(configuration.GetSection(Features.Brp.BrpOpties.Section));
        services.AddSingleton<Features.Brp.BrpProtocol>();
        services.AddScoped<Features.Brp.BrpBevraging>();
        services.AddScoped<Contracts.IBrpBevraging>(sp => sp.GetRequiredService<Features.Brp.BrpBevraging>());
        services.AddScoped<Contracts.ICbsLevering, Features.Cbs.CbsAanlevering>();
        services.Configure<Features.Webhooks.WebhookOpties>(configuration.GetSection(Features.Webhooks.WebhookOpties.Section));
        services.AddScoped<Features.Webhooks.WebhookBeheer>();
        services.AddScoped<Contracts.IWebhooks>(sp => sp.GetRequiredService<Features.Webhooks.WebhookBeheer>());
        services.AddHostedService<Features.Webhooks.WebhookRelay>();
        services.AddSingleton(new Platform.Jobs.WekKanaal(Features.Webhooks.WebhookRelay.WekKanaal));
        services.AddScoped<Contracts.IDossierRegistratie>(sp => sp.GetRequiredService<DossierRegistratie>());
        services.AddScoped<Contracts.IWerkvoorraad>(sp => sp.GetRequiredService<CaseloadLezer>());
        services.AddScoped<DossierOmkoppelingen>();
        services.AddScoped<Contracts.IDossierOverdragen>(sp => sp.GetRequiredService<DossierOmkoppelingen>());
        services.AddScoped<Contracts.IDossierBrieven, Features.Brieven.DossierBrieven>();
        services.AddScoped<Contracts.IWerkvoorraadFilters, WerkvoorraadFilters>();
        services.AddScoped<Contracts.IDossierFeiten, Features.Feiten.DossierFeitenLezer>();
        services.AddSingleton(new Tenancy.Contracts.TenantSettingDefinition(DossierLezer.ZichtbaarheidSetting,
            "Welke dossiers een klantregisseur ziet: alle dossiers van de gemeente, of alleen de eigen caseload.", "alle", ["alle", "eigen"]));
        services.AddSingleton<Platform.Data.IDataSeeder, DemoDossiers>();

        services.Configure<SignaalOptions>(configuration.GetSection(SignaalOptions.Section));
        foreach (var norm in Domain.SignaalRegels.Normen.Alle.Concat(Features.Rechten.Bewaarnormen.Alle))
        {
            services.AddSingleton(norm);
        }

        services.AddScoped<SignaalEvaluatie>();
        services.AddScoped<SignaalBehandeling>();
        services.AddScoped<SignaalLezer>();
        services.AddScoped<Contracts.ISignaalBehandeling>(sp => sp.GetRequiredService<SignaalBehandeling>());
        services.AddScoped<Jobs.SignaalSweep>();
        services.AddScoped<Jobs.SignaalGemeenteJob>();
        services.AddScoped<Jobs.SignaalGroepJob>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, Jobs.SignaalRecurringJob>();
        services.AddHostedService<Jobs.SignaalWachtrijVerwerker>();
        services.AddSingleton(new Platform.Jobs.WekKanaal(Jobs.SignaalWachtrijVerwerker.WekKanaal));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The fixed paths first, so /dossiers/toewijzingen never reads as an id.
        CaseloadEndpoints.Map(endpoints);
        WerkvoorraadFilterEndpoints.Map(endpoints);
        RegistratieEndpoints.Map(endpoints);
        Features.Import.ImportEndpoints.Map(endpoints);
        Features.Brp.BrpEndpoints.Map(endpoints);
        Features.Cbs.CbsEndpoints.Map(endpoints);
        Features.Webhooks.WebhookEndpoints.Map(endpoints);
        MijlpaalEndpoints.Map(endpoints);
        TijdlijnEndpoints.Map(endpoints);
        Features.Huishouden.HuishoudenEndpoints.Map(endpoints);
        Features.Duo.DuoEndpoints.Map(endpoints);
        Features.Bestanden.BestandEndpoints.Map(endpoints);
        Features.Afspraken.AfspraakEndpoints.Map(endpoints);
        Features.Rechten.Beperking.Map(endpoints);
        Features.Rechten.Verwijderen.Map(endpoints);
        Features.Rechten.Bewaarplicht.Map(endpoints);
        OmkoppelingEndpoints.Map(endpoints);
        CoaEndpoints.Map(endpoints);
        SignaalEndpoints.Map(endpoints);
    }
}
