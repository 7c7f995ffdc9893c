using System.Security.Cryptography.X509Certificates;
using CustomerPortal.Identity.Keys;
using CustomerPortal.Testing;

namespace CustomerPortal.UnitTests.Security;

/// <summary>
/// The key that signs access tokens, refresh tokens and codes comes from the signing certificate;
/// whoever obtains only the encryption certificate can read such tokens but not forge one.
/// </summary>
public sealed class TokenKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "customer-portal-keys", Guid.NewGuid().ToString("n"));

    [Fact]
    public void TheTokenSigningKey_CannotBeDerivedFromTheEncryptionCertificateAlone()
    {
        var encryption = Load("encryption");
        var signing = Load("signing");
        var otherSigning = Load("other-signing");

        var keys = DerivedTokenKeys.From(signing, encryption);
        var withAnotherSigningCertificate = DerivedTokenKeys.From(otherSigning, encryption);

        // Same encryption certificate, other signing certificate: another signing key, the same encryption key.
        Assert.NotEqual(keys.Signing.Key, withAnotherSigningCertificate.Signing.Key);
        Assert.Equal(keys.Encryption.Key, withAnotherSigningCertificate.Encryption.Key);
        Assert.NotEqual(keys.Signing.Key, keys.Encryption.Key);
        // Nodes holding the same certificates derive the same keys.
        Assert.Equal(keys.Signing.Key, DerivedTokenKeys.From(Load("signing", reuse: true), encryption).Signing.Key);
    }

    private X509Certificate2 Load(string name, bool reuse = false)
    {
        var path = reuse ? Path.Combine(_folder, $"{name}.pfx") : TestCertificates.CreatePfx(_folder, name, "pass");
        return X509CertificateLoader.LoadPkcs12FromFile(path, "pass", X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
