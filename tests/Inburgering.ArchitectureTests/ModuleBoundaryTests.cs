using System.Reflection;
using Inburgering.Modules;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using NetArchTest.Rules;

namespace Inburgering.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Modules = typeof(ModuleCatalog).Assembly;
    private static readonly Assembly Platform = typeof(ModuleDbContext).Assembly;

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in ModuleCatalog.All)
        {
            data.Add(module.Name);
        }

        return data;
    }

    [Fact]
    public void Every_module_folder_is_in_the_catalog()
    {
        var folders = Modules.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("Inburgering.Modules.", StringComparison.Ordinal))
            .Select(n => n!.Split('.')[2])
            .Distinct()
            .Order();

        Assert.Equal(ModuleCatalog.All.Select(m => m.Name).Order(), folders);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        // Full type names, not namespaces: dependency matching is by prefix, and a module's root namespace
        // is a prefix of its Contracts namespace.
        var forbidden = ModuleCatalog.All
            .Where(m => m.Name != module)
            .SelectMany(m => Modules.GetTypes()
                .Where(t => t.Namespace is not null
                            && (t.Namespace == $"Inburgering.Modules.{m.Name}" || t.Namespace.StartsWith($"Inburgering.Modules.{m.Name}.", StringComparison.Ordinal))
                            && !t.Namespace.StartsWith($"Inburgering.Modules.{m.Name}.Contracts", StringComparison.Ordinal)
                            && !t.Name.StartsWith('<')))
            .Select(t => t.FullName!)
            .ToArray();
        if (forbidden.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(Modules).That().ResideInNamespace($"Inburgering.Modules.{module}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_catalog_lists_every_module_after_the_modules_it_uses_so_no_two_modules_depend_on_each_other()
    {
        var namen = ModuleCatalog.All.Select(m => m.Name).ToList();
        var offenders = new List<string>();
        for (var i = 0; i < namen.Count - 1; i++)
        {
            var later = namen.Skip(i + 1)
                .SelectMany(m => Modules.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')
                    && (t.Namespace == $"Inburgering.Modules.{m}" || t.Namespace.StartsWith($"Inburgering.Modules.{m}.", StringComparison.Ordinal))))
                .Select(t => t.FullName!)
                .ToArray();
            var result = Types.InAssembly(Modules).That().ResideInNamespace($"Inburgering.Modules.{namen[i]}")
                .ShouldNot().HaveDependencyOnAny(later).GetResult();
            if (!result.IsSuccessful)
            {
                offenders.Add($"{namen[i]} uses a module listed after it: {string.Join(", ", result.FailingTypeNames ?? [])}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_permission_is_declared_once_by_the_module_that_checks_it()
    {
        foreach (var module in ModuleCatalog.All)
        {
            Assert.All(module.Permissies, p => Assert.StartsWith(module.Name + ".", p.Naam, StringComparison.Ordinal));
        }

        Assert.Equal(ModuleCatalog.All.Sum(m => m.Permissies.Count) + Inburgering.Platform.Authorization.PlatformPermissies.Alle.Count, ModuleCatalog.Permissies.All.Count);
    }

    [Fact]
    public void Domain_code_knows_nothing_of_ef_core_or_asp_net_core()
    {
        var result = Types.InAssembly(Modules).That().ResideInNamespaceMatching(@"^Inburgering\.Modules\.\w+\.Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_platform_never_references_modules_or_the_host()
    {
        var references = Platform.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Inburgering.Modules", references);
        Assert.DoesNotContain("Inburgering.Web", references);
    }

    [Fact]
    public void No_module_injects_another_modules_db_context()
    {
        var contextsByModule = Modules.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ModuleDbContext)))
            .ToDictionary(t => t, ModuleOf);
        var offenders = Modules.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Inburgering.Modules.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .SelectMany(c => c.GetParameters())
                .Where(p => contextsByModule.TryGetValue(p.ParameterType, out var owner) && owner != ModuleOf(t))
                .Select(p => $"{t.FullName} takes {p.ParameterType.Name}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Only_contracts_and_registration_entry_points_are_public()
    {
        var offenders = Modules.GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => t.Namespace?.Contains(".Contracts", StringComparison.Ordinal) != true)
            .Where(t => !typeof(IModule).IsAssignableFrom(t) && t != typeof(ModuleCatalog))
            .Where(t => t.Namespace?.EndsWith(".Data.Migrations", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Internal_classes_are_sealed_unless_abstract_or_static()
    {
        var offenders = Modules.GetTypes().Concat(Platform.GetTypes())
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNestedPublic && !t.IsAbstract && !t.IsSealed)
            .Where(t => !t.Name.StartsWith('<') && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.EndsWith(".Data.Migrations", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    private static string ModuleOf(Type type) => type.Namespace!.Split('.')[2];
}
