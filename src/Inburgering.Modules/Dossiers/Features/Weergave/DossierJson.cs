using System.Text.Json.Serialization;

namespace Inburgering.Modules.Dossiers.Features.Weergave;

/// <summary>Compile-time JSON for the hottest responses (the caseload page), chained in front of reflection.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Caseload))]
[JsonSerializable(typeof(DossierWeergave))]
internal sealed partial class DossierJson : JsonSerializerContext;
