using System.Diagnostics;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.LoadTest;

/// <summary>What password hashes cost with Identity's defaults: the floor under every sign-in.</summary>
public static class PasswordCost
{
    /// <summary>One hash at a time, on an otherwise idle machine: the time the sign-in target divides the cores by.</summary>
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

    /// <summary>
    /// Hashes a second with every core hashing at once, as under the sign-in load. On a VM whose
    /// cores share a physical core or are taken by the host (steal), this is less than the cores
    /// times the single hash's rate, and it is the most sign-ins the machine could give.
    /// </summary>
    public static double AllCoresPerSecond(int roundsPerCore = 10)
    {
        var cores = Environment.ProcessorCount;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, _ =>
        {
            var hasher = new PasswordHasher<PortalUser>();
            for (var i = 0; i < roundsPerCore; i++)
            {
                hasher.HashPassword(new PortalUser(), "Measure-2026");
            }
        });
        return cores * roundsPerCore / watch.Elapsed.TotalSeconds;
    }
}
