using System.Net;
using System.Net.Sockets;
using CustomerPortal.ServiceDefaults.Hosting;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// IP addresses and networks named in settings: an array in appsettings.json, or one value with
/// commas in an environment variable. A value that is not one stops the start, naming the setting,
/// instead of silently trusting something else or nothing.
/// </summary>
public static class AddressSettings
{
    public static IPAddress[] Addresses(IConfiguration configuration, string key) =>
        [.. Values(configuration, key).Select(value => IPAddress.TryParse(value, out var address) && IsWrittenInFull(value, address)
            ? address
            : throw new ConfigurationException($"The setting '{key}' holds '{value}', which is not an IP address (for example 10.0.0.5 or fd00::5)."))];

    public static IPNetwork[] Networks(IConfiguration configuration, string key) =>
        [.. Values(configuration, key).Select(value => IPNetwork.TryParse(value, out var network)
                && IsWrittenInFull(value, network.BaseAddress) && HasNoHostBits(value, network)
            ? network
            : throw new ConfigurationException(
                $"The setting '{key}' holds '{value}', which is not a network in CIDR notation with no host bits set (for example 10.0.0.0/8 or fd00::/8)."))];

    /// <summary>Whether the address is in one of the networks; an IPv4 peer seen through a dual-stack socket counts as IPv4.</summary>
    public static bool IsIn(this IPAddress? address, IEnumerable<IPNetwork> networks)
    {
        if (address is null)
        {
            return false;
        }
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(network => network.Contains(plain));
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string> values = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        return values.SelectMany(value => value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    // 10.0.0.1/8 would quietly stand for all of 10.0.0.0/8: more likely a typo than a wish.
    private static bool HasNoHostBits(string value, IPNetwork network) =>
        IPAddress.TryParse(value.Split('/')[0], out var written) && written.Equals(network.BaseAddress);

    // IPAddress.TryParse also takes "10" (0.0.0.10) and "10.1" (10.0.0.1): an operator who wrote
    // that meant something else.
    private static bool IsWrittenInFull(string value, IPAddress address) =>
        address.AddressFamily != AddressFamily.InterNetwork || value.Split('/')[0].Count(c => c == '.') == 3;
}
