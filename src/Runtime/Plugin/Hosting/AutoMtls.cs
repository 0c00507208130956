using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// go-plugin's automatic mutual TLS: each side makes a throw-away certificate at start and trusts
/// exactly the other's. Ours is made the way go-plugin makes its own (ECDSA P-521, CN and SAN
/// <c>localhost</c>, O <c>HashiCorp</c>, server and client auth, a CA so it can anchor itself).
/// </summary>
/// <remarks>
/// The first X509 chain a .NET process builds on Linux reads the system's whole trust store (every
/// CA file, ~150 here), whatever the chain's trust mode: most of a NativeAOT plugin's start-up when
/// Kestrel did it before the handshake (docs/benchmarks.md). Nothing before the handshake line needs
/// a chain, so <see cref="StartCreating"/> makes the certificate and then the TLS context (one chain
/// build, which loads the store) on a pool thread while the host builds, and connections wait for
/// the context.
/// </remarks>
internal sealed class AutoMtls : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private readonly Task<SslStreamCertificateContext> _context;

    public AutoMtls(X509Certificate2 hostCertificate)
    {
        HostCertificate = hostCertificate;
        Certificate = CreateCertificate();
        _context = Task.Run(() => SslStreamCertificateContext.Create(Certificate, additionalCertificates: null, offline: true));
    }

    /// <summary>Starts making the certificate on a pool thread (see the remarks).</summary>
    public static Task<AutoMtls> StartCreating(X509Certificate2 hostCertificate) => Task.Run(() => new AutoMtls(hostCertificate));

    /// <summary>Our certificate, with its private key (kept in memory only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The host's certificate from <c>PLUGIN_CLIENT_CERT</c>: the only one we trust.</summary>
    public X509Certificate2 HostCertificate { get; }

    /// <summary>The certificate's DER as unpadded standard base64, for the handshake line.</summary>
    public string HandshakeCertificate => Convert.ToBase64String(Certificate.RawData).TrimEnd('=');

    public static X509Certificate2 ParseHostCertificate(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"PLUGIN_CLIENT_CERT is not a PEM certificate: {e.Message}", e);
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var request = new CertificateRequest(new X500DistinguishedName("CN=localhost, O=HashiCorp"), key, HashAlgorithmName.SHA512);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyCertSign,
            critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid), new Oid(ServerAuthOid)], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), now.AddSeconds(-30), now.AddHours(262980), serial);
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>Whether <paramref name="peer"/> chains to the host's certificate and nothing else.</summary>
    public bool IsTrustedPeer(X509Certificate? peer)
    {
        if (peer is null)
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(peer.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(HostCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(certificate))
        {
            return false;
        }

        var root = chain.ChainElements[^1].Certificate;
        return root.RawDataMemory.Span.SequenceEqual(HostCertificate.RawDataMemory.Span);
    }

    /// <summary>TLS for our listener: the host's certificate required and trusted alone.</summary>
    public async ValueTask<SslServerAuthenticationOptions> ServerOptionsAsync() => new()
    {
        ServerCertificateContext = await _context.ConfigureAwait(false),
        ClientCertificateRequired = true,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => IsTrustedPeer(certificate),

        // gRPC is HTTP/2 only; renegotiation is forbidden with it (RFC 9113, 9.2.1).
        ApplicationProtocols = [SslApplicationProtocol.Http2],
        AllowRenegotiation = false,
    };

    /// <summary>TLS for dialing back to the host's broker: present ours, trust only the host's, name <c>localhost</c>.</summary>
    public SslClientAuthenticationOptions ClientOptions() => new()
    {
        TargetHost = "localhost",
        ClientCertificates = [Certificate],

        // Always ours, whatever issuer names the host's listener suggests.
        LocalCertificateSelectionCallback = (_, _, _, _, _) => Certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
            && IsTrustedPeer(certificate),
    };

    public void Dispose()
    {
        Certificate.Dispose();
        HostCertificate.Dispose();
    }
}
