using CustomerPortal.Identity.Connect;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Activation;

/// <summary>Absolute URLs for emails: the configured public origin, else the issuer, else the request's own address.</summary>
public sealed class LinkAddress(IOptions<RegistrationOptions> registration, IConfiguration configuration, IHttpContextAccessor http)
{
    public string For(string pathAndQuery)
    {
        var origin = registration.Value.PublicOrigin
            ?? configuration.GetValue<Uri?>($"{ServerOptions.Section}:{nameof(ServerOptions.Issuer)}")
            ?? RequestOrigin();
        return new Uri(origin, pathAndQuery).ToString();
    }

    private Uri RequestOrigin()
    {
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException($"Set {RegistrationOptions.Section}:PublicOrigin to build links outside a request.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
