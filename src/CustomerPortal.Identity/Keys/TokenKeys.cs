using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

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
            throw new InvalidOperationException(
                $"The setting '{setting}:Path' is missing. Outside Development the IdP needs a PKCS#12 certificate file " +
                $"(with '{setting}:Password' if it has one) to sign and encrypt tokens.");
        }
        if (!File.Exists(file.Path))
        {
            throw new InvalidOperationException($"The file named by '{setting}:Path' does not exist: {file.Path}");
        }
        return LoadFile(file, setting);
    }

    private static X509Certificate2 LoadFile(CertificateFile file, string what)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path!, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"The {what} ({file.Path}) must hold an RSA private key.");
        }
        return certificate;
    }

    private static X509Certificate2 LoadOrCreate(string folder, string name, X509KeyUsageFlags usage)
    {
        var path = Path.Combine(folder, $"{name}.pfx");
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
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
        return X509CertificateLoader.LoadPkcs12(bytes, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
