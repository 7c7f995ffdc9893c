using System.Diagnostics;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.LoadTest;

/// <summary>What one password hash costs with Identity's defaults: the floor under every sign-in.</summary>
public static class PasswordCost
{
    public static TimeSpan Measure(int rounds = 20)
    {
        var hasher = new PasswordHasher<PortalUser>();
        hasher.HashPassword(new PortalUser(), "Warm-Up-2026");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            hasher.HashPassword(new PortalUser(), "Measure-2026");
        }
        return watch.Elapsed / rounds;
    }
}
