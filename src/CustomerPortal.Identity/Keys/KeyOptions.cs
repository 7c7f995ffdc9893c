namespace CustomerPortal.Identity.Keys;

/// <summary>Configuration section "Keys": the certificates that sign and encrypt tokens outside Development.</summary>
public sealed class KeyOptions
{
    public const string Section = "Keys";

    public CertificateFile SigningCertificate { get; set; } = new();
    public CertificateFile EncryptionCertificate { get; set; } = new();
}

public sealed class CertificateFile
{
    /// <summary>Path of a PKCS#12 (.pfx) file holding an RSA certificate and its private key.</summary>
    public string? Path { get; set; }

    /// <summary>Password of the PKCS#12 file, if it has one.</summary>
    public string? Password { get; set; }
}
