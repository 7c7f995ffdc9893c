using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerPortal.Testing;

/// <summary>
/// A platform authenticator and the browser in front of it, in software: it answers the options JSON that Identity's
/// passkey handler writes with the credential JSON a browser would post back (<c>JSON.stringify(PublicKeyCredential)</c>),
/// so that functional tests can register and use passkeys over plain HTTP, without Chromium.
/// </summary>
/// <remarks>
/// One ES256 key pair (P-256), one credential ID and a "none" attestation, as a synced platform passkey gives. What a test
/// may want to get wrong is settable (origin, RP ID, UV and backup flags, the signature counter); everything else follows
/// WebAuthn Level 3. Identity checks <c>clientDataJSON.origin</c> against the request's <c>Origin</c> header by default,
/// so the test must send that header with the value of <see cref="Origin"/>, as a browser does.
/// </remarks>
public sealed class SoftwarePasskey : IDisposable
{
    // COSE (RFC 9052/9053) labels and values for an EC2 P-256 ES256 key.
    private const int CoseKeyType = 1, CoseAlg = 3, CoseCurve = -1, CoseX = -2, CoseY = -3;
    private const int CoseKeyTypeEc2 = 2, CoseCurveP256 = 1, Es256 = -7;

    // Authenticator data flags (WebAuthn §6.1).
    private const byte FlagUserPresent = 0x01, FlagUserVerified = 0x04, FlagBackupEligible = 0x08, FlagBackedUp = 0x10;
    private const byte FlagAttestedCredentialData = 0x40;

    // clientDataJSON is written the way browsers serialize it: only what JSON requires is escaped.
    private static readonly JsonWriterOptions ClientDataWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <param name="origin">The page's origin as a browser writes it: scheme, host and port if not the default, no trailing slash.</param>
    /// <param name="rpId">The relying party ID whose SHA-256 goes into the authenticator data.</param>
    public SoftwarePasskey(string origin = "https://localhost", string rpId = "localhost")
    {
        Origin = origin;
        RpId = rpId;
        CredentialId = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>Written into <c>clientDataJSON.origin</c>; a test sets a foreign one to prove the server checks it.</summary>
    public string Origin { get; set; }

    /// <summary>
    /// Hashed into <c>authenticatorData.rpIdHash</c>. Taken from here rather than from the options, so that a test can
    /// answer with the wrong relying party.
    /// </summary>
    public string RpId { get; set; }

    /// <summary>The UV flag: whether the authenticator says it verified the user (PIN, biometrics), not only saw them.</summary>
    public bool UserVerified { get; set; } = true;

    /// <summary>The BE flag, and BS with it: a synced passkey is backup eligible and backed up, a device-bound one neither.</summary>
    public bool BackupEligible { get; set; }

    /// <summary>32 random bytes, as platform authenticators make them; it is what the server stores and looks the passkey up by.</summary>
    public byte[] CredentialId { get; }

    /// <summary>The credential ID as it travels in JSON (<c>id</c>, <c>rawId</c>, <c>allowCredentials[].id</c>).</summary>
    public string CredentialIdBase64Url => Base64Url.EncodeToString(CredentialId);

    /// <summary>
    /// The signature counter of the last assertion: incremented before each one, 0 at registration. A test lowers it to play a
    /// cloned authenticator, which the server must refuse.
    /// </summary>
    public uint SignCount { get; set; }

    /// <summary>
    /// <c>user.id</c> from the creation options, kept at registration: an authenticator stores it with a discoverable credential
    /// and returns it as <c>userHandle</c>, which is how the server finds the user when none was named before the ceremony.
    /// </summary>
    public byte[]? UserHandle { get; private set; }

    /// <summary>
    /// Answers <c>navigator.credentials.create()</c>: from the creation options JSON (PublicKeyCredentialCreationOptionsJSON, as
    /// SignInManager.MakePasskeyCreationOptionsAsync returns it), the registration JSON a browser posts back.
    /// </summary>
    /// <remarks>
    /// Unlike a browser, it ignores <c>excludeCredentials</c>, so that a test can prove the server itself refuses a credential
    /// it already holds.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The options lack a challenge or user ID, or do not allow ES256.</exception>
    public string Register(string creationOptionsJson)
    {
        var options = ParseObject(creationOptionsJson, "creation options");
        var challenge = RequiredString(options, "challenge");
        var userId = RequiredString(options["user"]?.AsObject() ?? throw new InvalidOperationException("The creation options have no user."), "id");
        if (!AllowsEs256(options["pubKeyCredParams"]))
        {
            // A browser fails with NotSupportedError when no offered algorithm is one the authenticator has.
            throw new InvalidOperationException($"The creation options do not allow ES256 (alg {Es256}): {options["pubKeyCredParams"]?.ToJsonString()}");
        }

        UserHandle = Base64Url.DecodeFromChars(userId);
        var clientData = ClientDataJson("webauthn.create", challenge);
        var authenticatorData = AuthenticatorData(signCount: 0, attestedCredentialData: AttestedCredentialData());
        var attestationObject = NoneAttestationObject(authenticatorData);

        return WriteJson(writer =>
        {
            WriteCredentialStart(writer);
            writer.WriteStartObject("response");
            WriteBase64Url(writer, "clientDataJSON", clientData);
            WriteBase64Url(writer, "attestationObject", attestationObject);
            writer.WriteStartArray("transports");
            writer.WriteStringValue("internal");
            writer.WriteEndArray();
            // What toJSON() adds for RPs that do not parse CBOR; Identity reads the attestation object instead.
            writer.WriteNumber("publicKeyAlgorithm", Es256);
            WriteBase64Url(writer, "publicKey", _key.ExportSubjectPublicKeyInfo());
            WriteBase64Url(writer, "authenticatorData", authenticatorData);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Answers <c>navigator.credentials.get()</c>: from the request options JSON (PublicKeyCredentialRequestOptionsJSON), the
    /// assertion JSON a browser posts back, signed with this passkey's key.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The options name credentials in <c>allowCredentials</c> and this one is not among them: a browser would not offer it, so a
    /// test can tell that the server pinned the ceremony to another user's passkeys.
    /// </exception>
    public string Assert(string requestOptionsJson)
    {
        var options = ParseObject(requestOptionsJson, "request options");
        var challenge = RequiredString(options, "challenge");
        if (options["allowCredentials"] is JsonArray { Count: > 0 } allowed && !allowed.Any(IsThisCredential))
        {
            throw new InvalidOperationException(
                $"The request options allow only other credentials than {CredentialIdBase64Url}: {allowed.ToJsonString()}");
        }

        SignCount++;
        var clientData = ClientDataJson("webauthn.get", challenge);
        var authenticatorData = AuthenticatorData(SignCount, attestedCredentialData: null);
        // WebAuthn §6.3.3: the signature covers authenticatorData || SHA-256(clientDataJSON), DER-encoded for ECDSA.
        var signature = _key.SignData(
            [.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return WriteJson(writer =>
        {
            WriteCredentialStart(writer);
            writer.WriteStartObject("response");
            WriteBase64Url(writer, "clientDataJSON", clientData);
            WriteBase64Url(writer, "authenticatorData", authenticatorData);
            WriteBase64Url(writer, "signature", signature);
            if (UserHandle is not null)
            {
                WriteBase64Url(writer, "userHandle", UserHandle);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public void Dispose() => _key.Dispose();

    private bool IsThisCredential(JsonNode? descriptor) =>
        descriptor?["id"]?.GetValue<string>() is { } id && Base64Url.IsValid(id) && Base64Url.DecodeFromChars(id).AsSpan().SequenceEqual(CredentialId);

    // An empty or missing list means "ES256 and RS256" (WebAuthn §5.1.3, step 10).
    private static bool AllowsEs256(JsonNode? parameters) =>
        parameters is not JsonArray { Count: > 0 } list
        || list.Any(p => p?["type"]?.GetValue<string>() == "public-key" && p["alg"]?.GetValue<int>() == Es256);

    // CollectedClientData (WebAuthn §5.8.1). The challenge goes back exactly as the options carried it (base64url).
    private byte[] ClientDataJson(string type, string challenge)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ClientDataWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("challenge", challenge);
            writer.WriteString("origin", Origin);
            writer.WriteBoolean("crossOrigin", false);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // rpIdHash (32) || flags (1) || signCount (4, big-endian) || attestedCredentialData (WebAuthn §6.1).
    private byte[] AuthenticatorData(uint signCount, byte[]? attestedCredentialData)
    {
        var flags = FlagUserPresent;
        if (UserVerified)
        {
            flags |= FlagUserVerified;
        }
        if (BackupEligible)
        {
            flags |= FlagBackupEligible | FlagBackedUp;
        }
        if (attestedCredentialData is not null)
        {
            flags |= FlagAttestedCredentialData;
        }

        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(RpId)), flags, .. counter, .. attestedCredentialData ?? []];
    }

    // aaguid (16, zero: no attestation) || credentialIdLength (2, big-endian) || credentialId || COSE_Key (WebAuthn §6.5.1).
    private byte[] AttestedCredentialData()
    {
        var idLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(idLength, (ushort)CredentialId.Length);
        return [.. new byte[16], .. idLength, .. CredentialId, .. CoseKey()];
    }

    // Identity reads the key in CTAP2 canonical order: kty, alg, crv, x, y.
    private byte[] CoseKey()
    {
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(CoseKeyType);
        writer.WriteInt32(CoseKeyTypeEc2);
        writer.WriteInt32(CoseAlg);
        writer.WriteInt32(Es256);
        writer.WriteInt32(CoseCurve);
        writer.WriteInt32(CoseCurveP256);
        writer.WriteInt32(CoseX);
        writer.WriteByteString(point.X!);
        writer.WriteInt32(CoseY);
        writer.WriteByteString(point.Y!);
        writer.WriteEndMap();
        return writer.Encode();
    }

    // The "none" attestation statement format (WebAuthn §8.7): an empty statement, the authenticator data beside it.
    private static byte[] NoneAttestationObject(byte[] authenticatorData)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authenticatorData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    // The members PublicKeyCredential.toJSON() writes ahead of the response.
    private void WriteCredentialStart(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", CredentialIdBase64Url);
        writer.WriteString("rawId", CredentialIdBase64Url);
        writer.WriteString("type", "public-key");
        writer.WriteString("authenticatorAttachment", "platform");
        writer.WriteStartObject("clientExtensionResults");
        writer.WriteEndObject();
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Every binary member of WebAuthn's JSON is base64url without padding.
    private static void WriteBase64Url(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes) =>
        writer.WriteString(name, Base64Url.EncodeToString(bytes));

    private static JsonObject ParseObject(string json, string what) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException($"The {what} are not a JSON object: {json}");

    private static string RequiredString(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidOperationException($"No \"{name}\" string in {node.ToJsonString()}");
}

