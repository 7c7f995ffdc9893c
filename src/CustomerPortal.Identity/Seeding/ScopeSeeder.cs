using System.Globalization;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Seeding;

/// <summary>Creates or updates the scopes of seed/scopes.json, with their names for the consent page.</summary>
public sealed class ScopeSeeder(IOpenIddictScopeManager scopes)
{
    public async Task SeedAsync(SeedFolder seed, CancellationToken cancellationToken)
    {
        foreach (var scope in seed.ScopeSeeds())
        {
            var descriptor = new OpenIddictScopeDescriptor
            {
                Name = scope.Name,
                DisplayName = scope.DisplayNames.GetValueOrDefault("en") ?? scope.Name,
            };
            foreach (var (language, name) in scope.DisplayNames)
            {
                descriptor.DisplayNames[new CultureInfo(language)] = name;
            }
            descriptor.Resources.UnionWith(scope.Resources);

            if (await scopes.FindByNameAsync(scope.Name, cancellationToken) is { } existing)
            {
                await scopes.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await scopes.CreateAsync(descriptor, cancellationToken);
            }
        }
    }
}
