using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Inburgering.ArchitectureTests;

/// <summary>
/// One use case, one path: endpoints and page handlers only bind, call the use case's service and map its result. They
/// never reach a DbContext, so no write can skip the checks, the tijdlijn or the outbox that the services keep.
/// </summary>
public sealed class UseCaseDoorTests
{
    [Fact]
    public void No_endpoint_or_page_touches_a_db_context()
    {
        var offenders = new List<string>();
        var doors = 0;
        foreach (var assembly in new[] { typeof(Inburgering.Modules.ModuleCatalog).Assembly, typeof(Inburgering.Web.Pages.DossierModel).Assembly })
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(AppContext.BaseDirectory);
            using var module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
            foreach (var type in module.GetTypes())
            {
                var root = type;
                while (root.DeclaringType is not null)
                {
                    root = root.DeclaringType;
                }

                var isDoor = root.Name.EndsWith("Endpoints", StringComparison.Ordinal)
                             || (root.Namespace?.StartsWith("Inburgering.Web.Pages", StringComparison.Ordinal) == true && root.Name.EndsWith("Model", StringComparison.Ordinal));
                if (!isDoor)
                {
                    continue;
                }

                doors++;
                foreach (var method in type.Methods)
                {
                    var touched = method.Parameters.Select(p => p.ParameterType)
                        .Concat(method.HasBody ? method.Body.Instructions.SelectMany(Referenced) : [])
                        .Where(IsDataAccess)
                        .Select(t => t.FullName)
                        .Distinct();
                    offenders.AddRange(touched.Select(t => $"{root.FullName}.{method.Name}: {t}"));
                }

                offenders.AddRange(type.Fields.Where(f => IsDataAccess(f.FieldType)).Select(f => $"{root.FullName}.{f.Name}: {f.FieldType.FullName}"));
            }
        }

        Assert.True(doors > 30, $"only {doors} endpoint and page types found");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders.Distinct()));
    }

    [Fact]
    public void Only_the_dossier_store_touches_the_dossiers_database_context()
    {
        // The store adds the tijdlijn event, the processing-log entry and the signal outbox row to every change; a
        // service with the context in hand could store a change without them.
        string[] toegestaan =
        [
            "Inburgering.Modules.Dossiers.Features.Werkplaats.DossierWerkplaats", "Inburgering.Modules.Dossiers.Features.Werkplaats.DossierLeesbron",
            "Inburgering.Modules.Dossiers.DossiersModule",
        ];
        const string context = "Inburgering.Modules.Dossiers.Data.DossiersDbContext";
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        var offenders = new List<string>();
        foreach (var assembly in new[] { typeof(Inburgering.Modules.ModuleCatalog).Assembly, typeof(Inburgering.Web.Pages.DossierModel).Assembly })
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
            foreach (var type in module.GetTypes())
            {
                var root = type;
                while (root.DeclaringType is not null)
                {
                    root = root.DeclaringType;
                }

                if (toegestaan.Contains(root.FullName) || root.Namespace?.StartsWith("Inburgering.Modules.Dossiers.Data", StringComparison.Ordinal) == true)
                {
                    continue;
                }

                var raakt = type.Fields.Select(f => f.FieldType)
                    .Concat(type.Methods.SelectMany(m => m.Parameters.Select(p => p.ParameterType)
                        .Concat(m.HasBody ? m.Body.Instructions.SelectMany(Referenced) : [])))
                    .Any(t => t.GetElementType().FullName == context);
                if (raakt)
                {
                    offenders.Add(root.FullName);
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders.Distinct()));
    }

    [Fact]
    public void Every_module_refuses_input_in_the_one_validation_style()
    {
        // Invoer collects every invalid field and answers 400 under the module's code; a hand-built refusal drifts
        // (one field only, no unreadable fields, another shape).
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        using var module = ModuleDefinition.ReadModule(typeof(Inburgering.Modules.ModuleCatalog).Assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
        var offenders = module.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.Body.Instructions.Any(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference ctor
                && ctor.DeclaringType.FullName is "Inburgering.Platform.Errors.ValidationFailedException" or "Inburgering.Platform.Errors.ValidationErrors"))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    /// <summary>The types an instruction names: a called member's declaring type and its return type, a field's type, a type token.</summary>
    private static IEnumerable<TypeReference> Referenced(Instruction instruction) => instruction.Operand switch
    {
        MethodReference m => [m.DeclaringType, m.ReturnType],
        FieldReference f => [f.DeclaringType, f.FieldType],
        TypeReference t => [t],
        _ => [],
    };

    private static bool IsDataAccess(TypeReference type)
    {
        if (type is GenericInstanceType generic && generic.GenericArguments.Any(IsDataAccess))
        {
            return true;
        }

        var element = type.GetElementType();
        if (element.FullName is "Microsoft.EntityFrameworkCore.DbSet`1" or "Microsoft.EntityFrameworkCore.DbContext"
            || element.FullName == "Inburgering.Modules.Dossiers.Features.Werkplaats.DossierWerkplaats")
        {
            return true;
        }

        TypeDefinition? definition;
        try
        {
            definition = element.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }

        while (definition?.BaseType is { } baseType)
        {
            if (baseType.FullName == "Microsoft.EntityFrameworkCore.DbContext")
            {
                return true;
            }

            try
            {
                definition = baseType.Resolve();
            }
            catch (AssemblyResolutionException)
            {
                return false;
            }
        }

        return false;
    }
}
