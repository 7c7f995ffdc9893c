using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CustomerPortal.ServiceDefaults.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.Identity.Keys;

/// <summary>
/// The signing and encryption certificates of the token server. In Development they are created
/// once in the data folder and reused, so tokens survive restarts; elsewhere they must be configured.
/// </summary>
public sealed record TokenKeys(X509Certificate2 Signing, X509Certificate2 Encryption)
{
    public static TokenKeys Load(KeyOptions options, IHostEnvironment environment, string dataFolder)
    {
        if (environment.IsDevelopment())
        {
            var folder = Path.Combine(dataFolder, "keys");
            return new TokenKeys(
                LoadConfiguredOr(options.SigningCertificate, () => LoadOrCreate(folder, "signing", X509KeyUsageFlags.DigitalSignature)),
                LoadConfiguredOr(options.EncryptionCertificate, () => LoadOrCreate(folder, "encryption", X509KeyUsageFlags.KeyEncipherment)));
        }

        return new TokenKeys(
            LoadRequired(options.SigningCertificate, $"{KeyOptions.Section}:SigningCertificate"),
            LoadRequired(options.EncryptionCertificate, $"{KeyOptions.Section}:EncryptionCertificate"));
    }

    private static X509Certificate2 LoadConfiguredOr(CertificateFile file, Func<X509Certificate2> fallback) =>
        string.IsNullOrWhiteSpace(file.Path) ? fallback() : LoadFile(file, "configured certificate");

    private static X509Certificate2 LoadRequired(CertificateFile file, string setting)
    {
        if (string.IsNullOrWhiteSpace(file.Path))
        {
            throw new ConfigurationException(
                $"The setting '{setting}:Path' is missing. Outside Development the IdP needs a PKCS#12 certificate file " +
                $"(with '{setting}:Password' if it has one) to sign and encrypt tokens.");
        }
        if (!File.Exists(file.Path))
        {
            throw new ConfigurationException($"The file named by '{setting}:Path' does not exist: {file.Path}");
        }
        return LoadFile(file, setting);
    }

    // Exportable: the symmetric token keys are derived from the certificates' keys (DerivedTokenKeys),
    // which Windows refuses for keys loaded without this flag; Linux exports them either way.
    private static X509Certificate2 LoadFile(CertificateFile file, string what)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(
            file.Path!, file.Password, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new ConfigurationException($"The {what} ({file.Path}) must hold an RSA private key.");
        }
        return certificate;
    }

    private static X509Certificate2 LoadOrCreate(string folder, string name, X509KeyUsageFlags usage)
    {
        var path = Path.Combine(folder, $"{name}.pfx");
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
        }

        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=CustomerPortal development {name} key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(2));
        var bytes = created.Export(X509ContentType.Pkcs12);

        // Written to a temporary name first so a crash never leaves half a key behind.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: false);
        return X509CertificateLoader.LoadPkcs12(bytes, password: null, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
    }
}

/// <summary>
/// Symmetric keys for the tokens only this server reads: access and refresh tokens, codes.
/// </summary>
/// <remarks>
/// Those tokens are encrypted for this server alone, so nobody else ever needs to check their
/// signature; an HMAC signature and AES key wrapping cost microseconds where RSA signing and
/// RSA-OAEP decryption cost about a millisecond each, on every token request. ID tokens stay RS256
/// (OpenIddict signs them with the first asymmetric key) and the JWKS publishes only the RSA key.
/// The keys are derived (HKDF) from the certificates' private keys, so every node that holds the
/// certificates derives the same keys and they survive restarts. Each key comes from the
/// certificate of its own purpose: the HMAC signing key from the signing certificate, the AES key
/// from the encryption certificate. Whoever obtains only the encryption certificate can then read
/// these tokens but not forge one; replacing a certificate replaces the key derived from it.
/// </remarks>
public sealed record DerivedTokenKeys(SymmetricSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    public static DerivedTokenKeys From(X509Certificate2 signingCertificate, X509Certificate2 encryptionCertificate) =>
        new(Derive(signingCertificate, "signing"), Derive(encryptionCertificate, "encryption"));

    private static SymmetricSecurityKey Derive(X509Certificate2 certificate, string purpose)
    {
        using var rsa = certificate.GetRSAPrivateKey()
            ?? throw new ConfigurationException($"The {purpose} certificate has no RSA private key.");
        var secret = rsa.ExportParameters(includePrivateParameters: true).D!;
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, outputLength: 32,
            salt: [], info: System.Text.Encoding.ASCII.GetBytes($"CustomerPortal token {purpose} key v2"));
        // The key id names the key without revealing it: tokens say which key to try first.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(key))[..16];
        return new SymmetricSecurityKey(key) { KeyId = id };
    }
}
