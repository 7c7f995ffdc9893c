using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CustomerPortal.Testing;

/// <summary>Certificate files an operator would provide, made for one test and deleted with its folder.</summary>
public static class TestCertificates
{
    public static string CreatePfx(string folder, string name, string password)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
